// Progressive enhancement only: every page works without this file.
import { initAll } from 'govuk-frontend';

document.body.classList.add('govuk-frontend-supported', 'js-enabled');
initAll();
