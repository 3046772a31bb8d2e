import { formatDateTime } from '../../../i18n/format.ts';
import type { registryQueue } from '../../../queries/registry.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { localName } from '../../components/names.ts';

export type RegistryRow = Awaited<ReturnType<typeof registryQueue>>[number];

export function RegistryPage({ rows, registered, errors }: { rows: RegistryRow[]; registered: { number: string; judge: string } | null; errors: FieldError[] }) {
  const { t, lang } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      {registered && <SuccessBanner title={t('profile.notice.title')} message={t('court.registry.registered', registered)} />}
      <h1 class="govuk-heading-xl" id="queue">
        {t('court.registry.title')}
      </h1>
      <p class="govuk-body">{t('court.registry.lead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.paymentQueue()}>
          {t('payments.queue.title')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="govuk-body">{t('court.registry.empty')}</p>
      ) : (
        <table class="govuk-table">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('court.registry.column.filed')}</th>
              <th scope="col" class="govuk-table__header">{t('court.registry.column.talon')}</th>
              <th scope="col" class="govuk-table__header">{t('court.registry.column.category')}</th>
              <th scope="col" class="govuk-table__header">{t('court.registry.column.parties')}</th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">{t('court.registry.register')}</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr class="govuk-table__row" key={row.caseId}>
                <td class="govuk-table__cell">
                  <time dateTime={row.filedAt.toISOString()}>{formatDateTime(row.filedAt, lang)}</time>
                  <span class="govuk-body-s sot-block">{localName(row.court, lang)}</span>
                </td>
                <td class="govuk-table__cell">{row.talonNumber ?? '—'}</td>
                <td class="govuk-table__cell">{categoryLabel(t, row.category)}</td>
                <td class="govuk-table__cell">{row.parties ?? '—'}</td>
                <td class="govuk-table__cell">
                  <form method="post" action={urls.registerCase(row.caseId)}>
                    <CsrfField />
                    <button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t('court.registry.register')}
                      <span class="govuk-visually-hidden"> {row.talonNumber ?? ''}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
