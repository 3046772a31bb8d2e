import { formatDateTime } from '../../../i18n/format.ts';
import type { Role } from '../../../policies/principal.ts';
import type { PendingGrant } from '../../../queries/staff.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { PostButton } from '../../components/govuk.tsx';
import { localName } from '../../components/names.ts';

/** A pending seat on the bench with what the viewer may do about it, as the policies decided. */
export type PendingGrantRow = PendingGrant & { mayConfirm: boolean; mayCancel: boolean };

/** Judges and chairs proposed by one system administrator, waiting for another to confirm. */
export function PendingGrants({ rows, heading }: { rows: PendingGrantRow[]; heading: string }) {
  const { t, lang } = useView();
  if (rows.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">{heading}</h2>
      <p class="govuk-body">{t('duties.pending.lead')}</p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">{heading}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('admin.roles.column.person')}</th>
            <th scope="col" class="govuk-table__header">{t('admin.roles.role')}</th>
            <th scope="col" class="govuk-table__header">{t('admin.roles.column.court')}</th>
            <th scope="col" class="govuk-table__header">{t('duties.pending.proposedBy')}</th>
            <th scope="col" class="govuk-table__header">
              <span class="govuk-visually-hidden">{t('duties.pending.confirm')}</span>
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map((p) => {
            const role = t(`role.${p.role as Role}`);
            return (
              <tr class="govuk-table__row" key={p.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={urls.person(p.userId)}>
                    {p.name}
                  </a>
                </td>
                <td class="govuk-table__cell">{role}</td>
                <td class="govuk-table__cell">{localName({ nameKk: p.courtNameKk, nameRu: p.courtNameRu, nameEn: p.courtNameEn }, lang)}</td>
                <td class="govuk-table__cell">
                  {p.proposerName}
                  <span class="sot-block govuk-body-s">
                    <time dateTime={p.proposedAt.toISOString()}>{formatDateTime(p.proposedAt, lang)}</time>
                  </span>
                </td>
                <td class="govuk-table__cell">
                  <div class="govuk-button-group govuk-!-margin-bottom-0">
                    {p.mayConfirm ? (
                      <PostButton action={urls.confirmGrant(p.id)} label={t('duties.pending.confirm')} about={`${p.name}, ${role}`} />
                    ) : (
                      <span class="govuk-body-s">{t('duties.pending.yours')}</span>
                    )}
                    {p.mayCancel && <PostButton action={urls.cancelGrant(p.id)} label={t('duties.pending.cancel')} about={`${p.name}, ${role}`} secondary />}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
