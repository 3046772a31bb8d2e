import { FILING_TYPES } from '../../../domain/filingTypes.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { QueueFilter, QueueRow, incomingQueue } from '../../../queries/office.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { localName } from '../../components/names.ts';
import { DutySummary } from '../../components/duty.tsx';
import type { JudgmentsWaiting } from '../../../queries/judgments.ts';
import { JudgmentQueueLink } from './JudgmentReviewPages.tsx';

export interface RegistryPageProps {
  queue: Awaited<ReturnType<typeof incomingQueue>>;
  filter: QueueFilter;
  registered: { number: string; judge: string } | null;
  done: 'received' | 'attached' | null;
  errors: FieldError[];
  canEnterPaper: boolean;
  /** The judgment bank's review queue, for a clerk who reviews; null for anyone else. */
  judgmentsWaiting?: JudgmentsWaiting | null;
}

/** The court office's queue of everything filed and not yet dealt with, oldest first, with its filters. */
export function RegistryPage({ queue, filter, registered, done, errors, canEnterPaper, judgmentsWaiting = null }: RegistryPageProps) {
  const { t, lang } = useView();
  const filtered = Boolean(filter.type || filter.from || filter.to || filter.q);
  const pageUrl = (page: number) => urls.incoming({ type: filter.type, from: filter.from, to: filter.to, q: filter.q, page });
  return (
    <>
      <ErrorSummary errors={errors} />
      {registered && <SuccessBanner title={t('profile.notice.title')} message={t('court.registry.registered', registered)} />}
      {done && <SuccessBanner title={t('profile.notice.title')} message={t(done === 'received' ? 'office.done.received' : 'office.done.attached')} />}
      <h1 class="govuk-heading-xl" id="queue">
        {t('court.registry.title')}
      </h1>
      <p class="govuk-body">{t('office.queue.lead')}</p>
      <p class="govuk-body">
        {canEnterPaper && (
          <>
            <a class="govuk-link" href={urls.counterFiling()}>
              {t('office.counter.title')}
            </a>
            {' · '}
          </>
        )}
        <a class="govuk-link" href={urls.paymentQueue()}>
          {t('payments.queue.title')}
        </a>
        {' · '}
        <a class="govuk-link" href={urls.courtCaseSearch()}>
          {t('caseSearch.link.court')}
        </a>
        {judgmentsWaiting && ' · '}
        <JudgmentQueueLink waiting={judgmentsWaiting} />
      </p>
      <form method="get" action={urls.incoming()} class="govuk-!-margin-bottom-6" role="search">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t('office.filter.legend')}</legend>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <div class="govuk-form-group">
                <label class="govuk-label" for="type">
                  {t('office.filter.type')}
                </label>
                <select class="govuk-select" id="type" name="type">
                  <option value="">{t('office.filter.anyType')}</option>
                  {FILING_TYPES.map((type) => (
                    <option value={type} selected={filter.type === type} key={type}>
                      {t(`filing.type.${type}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="govuk-grid-column-one-half">
              <div class="govuk-form-group">
                <label class="govuk-label" for="q">
                  {t('office.filter.q')}
                </label>
                <input class="govuk-input" id="q" name="q" type="search" value={filter.q ?? ''} spellcheck={false} />
              </div>
            </div>
          </div>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <div class="govuk-form-group">
                <label class="govuk-label" for="from">
                  {t('office.filter.from')}
                </label>
                <input class="govuk-input govuk-input--width-10" id="from" name="from" type="date" value={filter.from ?? ''} />
              </div>
            </div>
            <div class="govuk-grid-column-one-half">
              <div class="govuk-form-group">
                <label class="govuk-label" for="to">
                  {t('office.filter.to')}
                </label>
                <input class="govuk-input govuk-input--width-10" id="to" name="to" type="date" value={filter.to ?? ''} />
              </div>
            </div>
          </div>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('office.filter.submit')}
            </button>
            {filtered && (
              <a class="govuk-link" href={urls.incoming()}>
                {t('office.filter.reset')}
              </a>
            )}
          </div>
        </fieldset>
      </form>
      <p class="govuk-body" role="status">
        {t('office.queue.count', { count: queue.total })}
      </p>
      {queue.rows.length === 0 ? (
        <p class="govuk-body">{t('office.queue.empty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('court.registry.title')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('court.registry.column.filed')}</th>
              <th scope="col" class="govuk-table__header">{t('court.registry.column.talon')}</th>
              <th scope="col" class="govuk-table__header">{t('office.column.case')}</th>
              <th scope="col" class="govuk-table__header">{t('court.registry.column.parties')}</th>
              <th scope="col" class="govuk-table__header">{t('office.column.duty')}</th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">{t('office.column.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {queue.rows.map((row) => (
              <tr class="govuk-table__row" key={`${row.caseId}:${row.filingId ?? ''}`}>
                <td class="govuk-table__cell">
                  <time dateTime={row.filedAt.toISOString()}>{formatDateTime(row.filedAt, lang)}</time>
                  <span class="govuk-body-s sot-block">{localName(row.court, lang)}</span>
                </td>
                <td class="govuk-table__cell">
                  {row.filingId ? (
                    <a class="govuk-link" href={urls.officeFiling(row.filingId)}>
                      {row.talonNumber}
                    </a>
                  ) : (
                    '—'
                  )}
                  {row.filingType && <span class="govuk-body-s sot-block">{t(`filing.type.${row.filingType}`)}</span>}
                  {row.channel === 'counter' && <strong class="govuk-tag govuk-tag--grey">{t('office.channel.counter')}</strong>}
                </td>
                <td class="govuk-table__cell">
                  {row.caseNumber ?? <strong class="govuk-tag govuk-tag--yellow">{t('office.queue.awaitingNumber')}</strong>}
                  {row.reviews && <span class="govuk-body-s sot-block">{t('proceedings.registry.reviews', { number: row.reviews })}</span>}
                  <span class="govuk-body-s sot-block">{categoryLabel(t, row.category)}</span>
                </td>
                <td class="govuk-table__cell">
                  {row.names ?? '—'}
                  {row.filerId && <span class="govuk-body-s sot-block" data-filer-id>{t('office.queue.filerId', { id: row.filerId })}</span>}
                </td>
                <td class="govuk-table__cell">{row.duty ? <DutySummary duty={row.duty} /> : '—'}</td>
                <td class="govuk-table__cell">
                  <RowAction row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.pages > 1 && (
        <nav class="govuk-pagination" aria-label={t('office.pagination')}>
          {queue.page > 1 && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={pageUrl(queue.page - 1)} rel="prev">
                <span class="govuk-pagination__link-title">{t('office.pagination.previous')}</span>
              </a>
            </div>
          )}
          <p class="govuk-body govuk-!-margin-bottom-0">{t('office.pagination.page', { page: queue.page, pages: queue.pages })}</p>
          {queue.page < queue.pages && (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={pageUrl(queue.page + 1)} rel="next">
                <span class="govuk-pagination__link-title">{t('office.pagination.next')}</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </>
  );
}

function RowAction({ row }: { row: QueueRow }) {
  const { t } = useView();
  const label = <span class="govuk-visually-hidden"> {row.talonNumber ?? ''}</span>;
  if (row.kind === 'registration') {
    return (
      <form method="post" action={urls.registerCase(row.caseId)}>
        <CsrfField />
        <button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
          {t('court.registry.register')}
          {label}
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={urls.receiveFiling(row.filingId!)}>
      <CsrfField />
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
        {t('office.receive')}
        {label}
      </button>
    </form>
  );
}
