import type { AuditProblem } from '../../../domain/auditProblems.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { AuditCheckView, AuditLogOverview } from '../../../queries/auditLog.ts';
import { useView } from '../../context.ts';
import { SummaryList, Table } from '../../components/govuk.tsx';
import { AdminNav } from './AdminNav.tsx';

const PROBLEMS: Record<AuditProblem, MessageKey> = {
  hash: 'auditLog.problem.hash',
  link: 'auditLog.problem.link',
  unknown_key: 'auditLog.problem.unknown_key',
  unkeyed_after_keyed: 'auditLog.problem.unkeyed_after_keyed',
  key_returned: 'auditLog.problem.key_returned',
  unsealed: 'auditLog.problem.unsealed',
};

/** A hash split in groups of eight, so it can be read out and compared with a logged one. */
const grouped = (hash: string) => hash.match(/.{1,8}/g)?.join(' ') ?? hash;

/** The audit chain's head and the latest checks of it, for the system administrator. */
export function AuditLogAdminPage({ overview }: { overview: AuditLogOverview }) {
  const { t, lang } = useView();
  const { head, checks } = overview;
  const last = checks[0];
  return (
    <>
      <AdminNav current="audit" />
      <h1 class="govuk-heading-xl">{t('auditLog.title')}</h1>
      <p class="govuk-body">{t('auditLog.lead')}</p>

      <h2 class="govuk-heading-m">{t('auditLog.head.title')}</h2>
      {head ? (
        <SummaryList
          rows={[
            { key: t('auditLog.head.id'), value: String(head.id) },
            { key: t('auditLog.head.at'), value: formatDateTime(head.occurredAt, lang) },
            { key: t('auditLog.head.action'), value: <code>{head.action}</code> },
            { key: t('auditLog.head.hash'), value: <code class="sot-hash">{grouped(head.hash)}</code> },
            { key: t('auditLog.head.key'), value: head.keyId ? <code>{head.keyId}</code> : t('auditLog.head.unkeyed') },
          ]}
        />
      ) : (
        <p class="govuk-body">{t('auditLog.head.empty')}</p>
      )}

      <h2 class="govuk-heading-m">{t('auditLog.check.title')}</h2>
      {last ? <LastCheck check={last} /> : <p class="govuk-body">{t('auditLog.check.none')}</p>}
      <p class="govuk-body">{t('auditLog.check.how')}</p>

      {checks.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('auditLog.history.title')}</h2>
          <Table caption={t('auditLog.history.title')} headers={[t('auditLog.history.checkedAt'), t('auditLog.history.result'), t('auditLog.head.id'), t('auditLog.head.hash')]}>
            {checks.map((check) => (
              <tr class="govuk-table__row" key={check.id}>
                <td class="govuk-table__cell">{formatDateTime(check.checkedAt, lang)}</td>
                <td class="govuk-table__cell">{check.ok ? t('auditLog.check.intactShort') : t('auditLog.check.brokenShort', { id: String(check.brokenId ?? '') })}</td>
                <td class="govuk-table__cell">{check.headId ?? '—'}</td>
                <td class="govuk-table__cell">
                  <code class="sot-hash">{check.headHash ? check.headHash.slice(0, 16) : '—'}</code>
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

function LastCheck({ check }: { check: AuditCheckView }) {
  const { t, lang } = useView();
  const when = formatDateTime(check.checkedAt, lang);
  const source = t(check.source === 'console' ? 'auditLog.check.source.console' : 'auditLog.check.source.daily');
  if (check.ok) {
    return (
      <div class="govuk-inset-text">
        <strong class="govuk-tag govuk-tag--green">{t('auditLog.check.intactShort')}</strong>{' '}
        {t('auditLog.check.intact', { when, source, entries: formatNumber(check.entries, lang) })}
      </div>
    );
  }
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{t('auditLog.check.warning')}</span>
        {t('auditLog.check.broken', {
          when,
          source,
          id: String(check.brokenId ?? ''),
          at: check.brokenAt ? formatDateTime(check.brokenAt, lang) : '—',
          action: check.brokenAction ?? '—',
          entries: formatNumber(check.entries, lang),
        })}{' '}
        {check.problem && check.problem in PROBLEMS ? t(PROBLEMS[check.problem as AuditProblem]) : ''}
      </strong>
    </div>
  );
}
