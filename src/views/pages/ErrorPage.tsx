import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { Interpolated } from '../components/Interpolated.tsx';
import { HELP_LINE } from '../layout.tsx';

export function ErrorPage({ title, message }: { title: string; message: string }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">{title}</h1>
        <p class="govuk-body">{message}</p>
        <p class="govuk-body">
          <Interpolated template={t('error.helpLine')} values={{ phone: <a class="govuk-link" href={`tel:${HELP_LINE}`}>{HELP_LINE}</a> }} />
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href={urls.home()}>
            {t('error.backHome')}
          </a>
        </p>
      </div>
    </div>
  );
}
