import { useView } from '../context.ts';
import { Interpolated } from '../components/Interpolated.tsx';
import { HELP_LINE } from '../layout.tsx';

export function LoginPage() {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">{t('login.title')}</h1>
        <p class="govuk-body-l">{t('login.lead')}</p>
        <h2 class="govuk-heading-m">{t('login.need.title')}</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>{t('login.need.eds')}</li>
          <li>{t('login.need.ncalayer')}</li>
          <li>{t('login.need.browser')}</li>
        </ul>
        <p class="govuk-body">
          <Interpolated template={t('login.help')} values={{ phone: <a class="govuk-link" href={`tel:${HELP_LINE}`}>{HELP_LINE}</a> }} />
        </p>
      </div>
    </div>
  );
}
