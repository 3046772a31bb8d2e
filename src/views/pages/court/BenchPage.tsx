import { ABSENCE_REASONS, isAbsentOn } from '../../../domain/bench.ts';
import { formatDate } from '../../../i18n/format.ts';
import type { BenchJudge } from '../../../queries/bench.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, HintAndError, Select, SuccessBanner, SummaryList, TextInput, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { localName } from '../../components/names.ts';

export interface BenchCourt {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface BenchView {
  court: BenchCourt;
  /** Other courts the chair chairs, to switch to. */
  otherCourts: BenchCourt[];
  /** Every category of the court's kinds, for the checkboxes. */
  categories: string[];
  judges: BenchJudge[];
  today: string;
  notice: string | null;
  errors: FieldError[];
  /** What the person typed into a refused absence form, to give it back. */
  absenceInput?: { judgeId: string; from: string; to: string; reason: string };
}

const day = (iso: string) => new Date(`${iso}T12:00:00+05:00`);

/** The chair's page: each judge of the court with what they hear, their load and their absences. */
export function BenchPage({ view }: { view: BenchView }) {
  const { t, lang } = useView();
  const errorFor = (field: string) => view.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={view.errors} />
      {view.notice && <SuccessBanner title={t('profile.notice.title')} message={view.notice} />}
      <span class="govuk-caption-l">{localName(view.court, lang)}</span>
      <h1 class="govuk-heading-xl">{t('bench.title')}</h1>
      <p class="govuk-body">{t('bench.lead')}</p>
      {view.otherCourts.length > 0 && (
        <>
          <p class="govuk-body">{t('bench.otherCourts')}</p>
          <ul class="govuk-list">
            {view.otherCourts.map((c) => (
              <li key={c.id}>
                <a class="govuk-link" href={urls.bench(c.code)}>
                  {localName(c, lang)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.judges.length === 0 && <p class="govuk-body">{t('bench.empty')}</p>}
      {view.judges.map((judge) => {
        const awayToday = isAbsentOn(judge.absences, view.today);
        const typed = view.absenceInput?.judgeId === judge.judgeId ? view.absenceInput : undefined;
        return (
          <section class="govuk-!-margin-bottom-9" key={judge.judgeId} aria-labelledby={`judge-${judge.judgeId}`}>
            <h2 class="govuk-heading-l" id={`judge-${judge.judgeId}`}>
              {judge.name} {awayToday && <strong class="govuk-tag govuk-tag--yellow">{t('bench.awayToday')}</strong>}
            </h2>
            <SummaryList
              rows={[
                { key: t('bench.hears'), value: judge.specialisation.length === 0 ? t('bench.hearsAll') : judge.specialisation.map((c) => categoryLabel(t, c)).join(', ') },
                { key: t('distribution.openCases'), value: String(judge.openCases) },
              ]}
            />

            <form method="post" action={urls.benchCategories(judge.judgeId)} novalidate>
              <CsrfField />
              <input type="hidden" name="court" value={view.court.code} />
              <div class={`govuk-form-group${errorFor(`categories-${judge.judgeId}`) ? ' govuk-form-group--error' : ''}`}>
                <fieldset class="govuk-fieldset" aria-describedby={`categories-${judge.judgeId}-hint`}>
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t('bench.categories.legend', { name: judge.name })}</legend>
                  <HintAndError id={`categories-${judge.judgeId}`} hint={t('bench.categories.hint')} error={errorFor(`categories-${judge.judgeId}`)} />
                  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    {view.categories.map((category, i) => {
                      const id = i === 0 ? `categories-${judge.judgeId}` : `categories-${judge.judgeId}-${i + 1}`;
                      return (
                        <div class="govuk-checkboxes__item" key={category}>
                          <input class="govuk-checkboxes__input" id={id} name="categories" type="checkbox" value={category} checked={judge.specialisation.includes(category)} />
                          <label class="govuk-label govuk-checkboxes__label" for={id}>
                            {categoryLabel(t, category)}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              </div>
              <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t('bench.categories.save')}
                <span class="govuk-visually-hidden"> {judge.name}</span>
              </button>
            </form>

            <h3 class="govuk-heading-m">{t('bench.absences')}</h3>
            {judge.absences.length === 0 ? (
              <p class="govuk-body">{t('bench.absences.none')}</p>
            ) : (
              <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">{t('bench.absences.caption', { name: judge.name })}</caption>
                <thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{t('bench.absence.period')}</th>
                    <th scope="col" class="govuk-table__header">{t('bench.absence.reason')}</th>
                    <th scope="col" class="govuk-table__header">
                      <span class="govuk-visually-hidden">{t('bench.absence.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  {judge.absences.map((a) => (
                    <tr class="govuk-table__row" key={a.id}>
                      <td class="govuk-table__cell">
                        <time dateTime={a.startsOn}>{formatDate(day(a.startsOn), lang)}</time> – <time dateTime={a.endsOn}>{formatDate(day(a.endsOn), lang)}</time>
                      </td>
                      <td class="govuk-table__cell">{t(`absenceReason.${a.reason}`)}</td>
                      <td class="govuk-table__cell">
                        <form method="post" action={urls.absenceRemove(a.id)}>
                          <CsrfField />
                          <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                            {t('bench.absence.remove')}
                            <span class="govuk-visually-hidden"> {`${judge.name}, ${a.startsOn} – ${a.endsOn}`}</span>
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}

            <details class="govuk-details" open={Boolean(typed)}>
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{t('bench.absence.add')}</span>
              </summary>
              <div class="govuk-details__text">
                <form method="post" action={urls.benchAbsences(judge.judgeId)} novalidate>
                  <CsrfField />
                  <input type="hidden" name="court" value={view.court.code} />
                  <TextInput id={`from-${judge.judgeId}`} name="from" label={t('bench.absence.from')} hint={t('bench.absence.dateHint')} value={typed?.from} error={errorFor(`from-${judge.judgeId}`)} classes="govuk-input--width-10" />
                  <TextInput id={`to-${judge.judgeId}`} name="to" label={t('bench.absence.to')} hint={t('bench.absence.dateHint')} value={typed?.to} error={errorFor(`to-${judge.judgeId}`)} classes="govuk-input--width-10" />
                  <Select
                    id={`reason-${judge.judgeId}`}
                    name="reason"
                    label={t('bench.absence.reason')}
                    value={typed?.reason}
                    error={errorFor(`reason-${judge.judgeId}`)}
                    groups={[{ choices: ABSENCE_REASONS.map((r) => ({ value: r, label: t(`absenceReason.${r}`) })) }]}
                  />
                  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                    {t('bench.absence.add')}
                    <span class="govuk-visually-hidden"> {judge.name}</span>
                  </button>
                </form>
              </div>
            </details>
          </section>
        );
      })}
    </>
  );
}
