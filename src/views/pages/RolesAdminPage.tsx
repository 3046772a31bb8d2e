import { formatDate } from '../../i18n/format.ts';
import { GRANTABLE_ROLES, type Role } from '../../policies/principal.ts';
import type { VisibleGrant } from '../../queries/staff.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, TextInput } from '../components/govuk.tsx';
import { localName } from '../components/names.ts';
import { AdminNav } from './admin/AdminNav.tsx';
import { PendingGrants, type PendingGrantRow } from './admin/PendingGrants.tsx';

export interface RolesAdminPageProps {
  /** Each grant with whether the viewer may revoke it: nobody revokes their own. */
  grants: (VisibleGrant & { mayRevoke: boolean })[];
  pending: PendingGrantRow[];
  error?: { field: 'iin' | 'role' | 'court' | 'barNumber'; message: string } | undefined;
  values?: { iin?: string; role?: string; court?: string; barNumber?: string };
  /** The message of the success banner after a grant, proposal, confirmation or cancellation. */
  notice?: string | null;
}

export function RolesAdminPage({ grants, pending, error, values = {}, notice }: RolesAdminPageProps) {
  const { t, lang } = useView();
  return (
    <>
      <AdminNav current="roles" />
      <ErrorSummary errors={error ? [error] : []} />
      {notice && <SuccessBanner title={t('profile.notice.title')} message={notice} />}
      <h1 class="govuk-heading-xl">{t('admin.roles.title')}</h1>
      <p class="govuk-body">{t('admin.roles.lead')}</p>
      <h2 class="govuk-heading-m">{t('admin.roles.grant')}</h2>
      <form method="post" action="/admin/roles" novalidate>
        <CsrfField />
        <TextInput id="iin" name="iin" label={t('admin.roles.iin')} value={values.iin} error={error?.field === 'iin' ? error.message : undefined} classes="govuk-input--width-20" spellcheck={false} />
        <div class={`govuk-form-group${error?.field === 'role' ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="role">
            {t('admin.roles.role')}
          </label>
          <select class="govuk-select" id="role" name="role">
            {GRANTABLE_ROLES.map((r) => (
              <option value={r} key={r} selected={values.role === r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <TextInput id="court" name="court" label={t('admin.roles.court')} hint={t('admin.roles.court.hint')} value={values.court} error={error?.field === 'court' ? error.message : undefined} classes="govuk-input--width-5" />
        <TextInput
          id="barNumber"
          name="barNumber"
          label={t('admin.roles.barNumber')}
          hint={t('admin.roles.barNumber.hint')}
          value={values.barNumber}
          error={error?.field === 'barNumber' ? error.message : undefined}
          classes="govuk-input--width-10"
          spellcheck={false}
        />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('admin.roles.submit')}
        </button>
      </form>
      <PendingGrants rows={pending} heading={t('duties.pending.title')} />
      <h2 class="govuk-heading-m">{t('admin.roles.current')}</h2>
      {grants.length === 0 ? (
        <p class="govuk-body">{t('admin.roles.empty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('admin.roles.current')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('admin.roles.column.person')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.role')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.column.court')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.column.since')}</th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">{t('admin.roles.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {grants.map((g) => (
              <tr class="govuk-table__row" key={g.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={urls.person(g.userId)}>
                    {g.name}
                  </a>
                </td>
                <td class="govuk-table__cell">{t(`role.${g.role as Role}`)}</td>
                <td class="govuk-table__cell">{g.courtCode ? localName({ nameKk: g.courtNameKk!, nameRu: g.courtNameRu!, nameEn: g.courtNameEn! }, lang) : '—'}</td>
                <td class="govuk-table__cell">{formatDate(g.grantedAt, lang)}</td>
                <td class="govuk-table__cell">
                  {g.mayRevoke && (
                  <form method="post" action={`/admin/roles/${g.id}/revoke`}>
                    <CsrfField />
                    <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t('admin.roles.revoke')}
                      <span class="govuk-visually-hidden">
                        {' '}
                        {g.name}, {t(`role.${g.role as Role}`)}
                      </span>
                    </button>
                  </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
