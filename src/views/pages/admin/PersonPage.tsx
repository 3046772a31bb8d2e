import { formatDateTime } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { Role } from '../../../policies/principal.ts';
import type { PersonRoles, RoleEvent } from '../../../queries/people.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { localName } from '../../components/names.ts';
import { AdminNav } from './AdminNav.tsx';
import { PendingGrants, type PendingGrantRow } from './PendingGrants.tsx';

const EVENT_LABEL: Record<RoleEvent, MessageKey> = {
  granted: 'person.event.granted',
  proposed: 'person.event.proposed',
  confirmed: 'person.event.confirmed',
  proposal_cancelled: 'person.event.cancelled',
  revoked: 'person.event.revoked',
};

export interface PersonView {
  roles: PersonRoles;
  pending: PendingGrantRow[];
}

/** One person's roles: what they hold, what waits for a second administrator, and the whole history. */
export function PersonPage({ view }: { view: PersonView }) {
  const { t, lang } = useView();
  const { person, held, history, courts } = view.roles;
  const courtName = (courtId: string | null) => {
    const court = courtId ? courts.get(courtId) : undefined;
    return court ? localName(court, lang) : '—';
  };
  const when = (at: Date) => <time dateTime={at.toISOString()}>{formatDateTime(at, lang)}</time>;
  return (
    <>
      <AdminNav current="roles" />
      <span class="govuk-caption-l">{t('person.title')}</span>
      <h1 class="govuk-heading-xl">{person.fullName}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.roleAdmin()}>
          {t('person.back')}
        </a>
      </p>

      <h2 class="govuk-heading-m">{t('person.roles')}</h2>
      {held.length === 0 ? (
        <p class="govuk-body">{t('person.roles.none')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('person.roles')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('admin.roles.role')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.column.court')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.column.since')}</th>
              <th scope="col" class="govuk-table__header">{t('person.roles.grantedBy')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {held.map((h) => (
              <tr class="govuk-table__row" key={h.id}>
                <td class="govuk-table__cell">{t(`role.${h.role as Role}`)}</td>
                <td class="govuk-table__cell">{courtName(h.courtId)}</td>
                <td class="govuk-table__cell">{when(h.confirmedAt ?? h.grantedAt)}</td>
                <td class="govuk-table__cell">{h.confirmedBy ? t('person.confirmedBy', { granted: h.grantedBy ?? '—', confirmed: h.confirmedBy }) : (h.grantedBy ?? '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <PendingGrants rows={view.pending} heading={t('person.pending')} />

      <h2 class="govuk-heading-m">{t('person.history')}</h2>
      {history.length === 0 ? (
        <p class="govuk-body">{t('person.history.none')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('person.history')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('person.history.when')}</th>
              <th scope="col" class="govuk-table__header">{t('person.history.what')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.role')}</th>
              <th scope="col" class="govuk-table__header">{t('admin.roles.column.court')}</th>
              <th scope="col" class="govuk-table__header">{t('person.history.by')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {history.map((h) => (
              <tr class="govuk-table__row" key={h.id}>
                <td class="govuk-table__cell">{when(h.at)}</td>
                <td class="govuk-table__cell">{t(EVENT_LABEL[h.event])}</td>
                <td class="govuk-table__cell">{t(`role.${h.role as Role}`)}</td>
                <td class="govuk-table__cell">{courtName(h.courtId)}</td>
                <td class="govuk-table__cell">{h.actorName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
