import { Fragment, type ComponentChildren } from 'preact';
import { useView } from '../context.ts';

/** Components mirroring GOV.UK Frontend's documented HTML, so its CSS and JS apply unchanged. */

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map((row) => (
        <div class="govuk-summary-list__row" key={row.key}>
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A field's hint and error message, with the ids its input's aria-describedby names. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  const { t } = useView();
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} class="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">{t('error.title')}:</span> {error}
        </p>
      )}
    </>
  );
}

/** The ids of a field's hint and error, for aria-describedby; undefined when it has neither. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface FieldError {
  field: string;
  message: string;
}

/** The error summary at the top of a form; each entry links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useView();
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{t('error.summaryTitle')}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export interface TextInputProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: string | undefined;
  classes?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  labelAsHeading?: boolean;
  type?: 'text' | 'email' | 'tel';
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel';
}

export function TextInput(props: TextInputProps) {
  const label = (
    <label class={`govuk-label${props.labelAsHeading ? ' govuk-label--l' : ''}`} for={props.id}>
      {props.label}
    </label>
  );
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      {props.labelAsHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label}
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <input
        class={`govuk-input${props.classes ? ` ${props.classes}` : ''}${props.error ? ' govuk-input--error' : ''}`}
        id={props.id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        inputMode={props.inputmode}
        value={props.value ?? ''}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
      />
    </div>
  );
}

/** The green banner after something was saved: a title and one sentence about what happened. */
export function SuccessBanner({ title, message }: { title: string; message: string }) {
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="notice-title">
          {title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}

/** The form's CSRF token; every form that changes something carries it. */
export function CsrfField() {
  const { csrfToken } = useView();
  return <input type="hidden" name="_csrf" value={csrfToken ?? ''} />;
}

export interface Choice {
  value: string;
  label: string;
  hint?: string | undefined;
  /** Fields that belong to this choice, set under it. */
  conditional?: ComponentChildren;
}

interface FieldsetProps {
  id: string;
  name: string;
  legend: string;
  legendAsHeading?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
}

/** One choice among a few, as radios in a fieldset; the first radio carries the id the error links to. */
export function Radios(props: FieldsetProps & { choices: Choice[]; value?: string | undefined }) {
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.id, props.hint, props.error)}>
        <legend class={`govuk-fieldset__legend ${props.legendAsHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m'}`}>
          {props.legendAsHeading ? <h1 class="govuk-fieldset__heading">{props.legend}</h1> : props.legend}
        </legend>
        <HintAndError id={props.id} hint={props.hint} error={props.error} />
        <div class="govuk-radios" data-module="govuk-radios">
          {props.choices.map((choice, i) => {
            const id = i === 0 ? props.id : `${props.id}-${i + 1}`;
            return (
              <Fragment key={choice.value}>
                <div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id={id}
                    name={props.name}
                    type="radio"
                    value={choice.value}
                    checked={props.value === choice.value}
                    aria-describedby={choice.hint ? `${id}-hint` : undefined}
                  />
                  <label class="govuk-label govuk-radios__label" for={id}>
                    {choice.label}
                  </label>
                  {choice.hint && (
                    <div id={`${id}-hint`} class="govuk-hint govuk-radios__hint">
                      {choice.hint}
                    </div>
                  )}
                </div>
                {/* Always shown: the reveal script marks radios aria-expanded, which a radio may not carry. */}
                {choice.conditional && (
                  <div class="govuk-radios__conditional" id={`conditional-${id}`}>
                    {choice.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A labelled select; `groups` become optgroups. */
export function Select(props: { id: string; name: string; label: string; hint?: string | undefined; error?: string | undefined; value?: string | undefined; groups: { label?: string; choices: Choice[] }[] }) {
  const options = (choices: Choice[]) =>
    choices.map((c) => (
      <option value={c.value} key={c.value} selected={props.value === c.value}>
        {c.label}
      </option>
    ));
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={props.id}>
        {props.label}
      </label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <select class={`govuk-select${props.error ? ' govuk-select--error' : ''}`} id={props.id} name={props.name} aria-describedby={describedBy(props.id, props.hint, props.error)}>
        {props.groups.map((group, i) =>
          group.label ? (
            <optgroup label={group.label} key={group.label}>
              {options(group.choices)}
            </optgroup>
          ) : (
            <Fragment key={i}>{options(group.choices)}</Fragment>
          ),
        )}
      </select>
    </div>
  );
}

export function Textarea(props: { id: string; name: string; label: string; hint?: string | undefined; error?: string | undefined; value?: string | undefined; rows?: number }) {
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={props.id}>
        {props.label}
      </label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <textarea class={`govuk-textarea${props.error ? ' govuk-textarea--error' : ''}`} id={props.id} name={props.name} rows={props.rows ?? 8} aria-describedby={describedBy(props.id, props.hint, props.error)}>
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** Where the signing script (src/client/signing.ts) reports a failure; hidden until then. */
/**
 * A one-button form that posts to `action` (Post/Redirect/Get), the button saying what it does
 * and, for screen readers, to what (`about`): a row of such buttons would otherwise all read alike.
 */
export function PostButton({ action, label, about, secondary = false }: { action: string; label: string; about: string; secondary?: boolean }) {
  return (
    <form method="post" action={action}>
      <CsrfField />
      <button type="submit" class={`govuk-button ${secondary ? 'govuk-button--secondary ' : ''}govuk-!-margin-bottom-0`} data-module="govuk-button">
        {label}
        <span class="govuk-visually-hidden"> {about}</span>
      </button>
    </form>
  );
}

export function SigningErrorSummary() {
  const { t } = useView();
  return (
    <div class="govuk-error-summary" data-signin-error hidden tabindex={-1}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{t('error.summaryTitle')}</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body" data-signin-error-text></p>
        </div>
      </div>
    </div>
  );
}

/**
 * GOV.UK date input: day, month and year in one fieldset. Each box is named `<name>` as given;
 * an error marks all three and the summary links to the day box.
 */
export function DateInput(props: {
  id: string;
  legend: string;
  legendClass?: string;
  hint: string;
  error: string | undefined;
  boxes: [day: DateBox, month: DateBox, year: DateBox];
}) {
  const { t } = useView();
  const widths = ['govuk-input--width-2', 'govuk-input--width-2', 'govuk-input--width-4'];
  const labels = [t('payments.document.date.day'), t('payments.document.date.month'), t('payments.document.date.year')];
  const { id, error } = props;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}>
        <legend class={`govuk-fieldset__legend${props.legendClass ? ` ${props.legendClass}` : ''}`}>{props.legend}</legend>
        <div id={`${id}-hint`} class="govuk-hint">
          {props.hint}
        </div>
        {error && (
          <p id={`${id}-error`} class="govuk-error-message">
            <span class="govuk-visually-hidden">{t('error.title')}:</span> {error}
          </p>
        )}
        <div class="govuk-date-input" id={id}>
          {props.boxes.map((box, i) => (
            <div class="govuk-date-input__item" key={box.id}>
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={box.id}>
                  {labels[i]}
                </label>
                <input class={`govuk-input govuk-date-input__input ${widths[i]}${error ? ' govuk-input--error' : ''}`} id={box.id} name={box.name} type="text" inputMode="numeric" value={box.value ?? ''} />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export interface DateBox {
  id: string;
  name: string;
  value: string | undefined;
}

/**
 * A GOV.UK table: a caption for screen readers, one header row, and the body's rows as given.
 * A header may be visually hidden (a column of buttons still needs a name).
 */
export function Table({ caption, headers, children }: { caption: string; headers: (string | { hidden: string })[]; children: ComponentChildren }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {headers.map((header, i) => (
            <th scope="col" class="govuk-table__header" key={i}>
              {typeof header === 'string' ? header : <span class="govuk-visually-hidden">{header.hidden}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">{children}</tbody>
    </table>
  );
}

/**
 * "Next" and "back to the first page" of a keyset-paged list: no page numbers, because a keyset
 * cursor knows only where the last page ended. `more` replaces the next link when the next page
 * must be asked for by a form (a search whose terms stay out of addresses).
 */
export function KeysetPagination(props: { label: string; next?: { url: string | null | undefined; label: string } | undefined; more?: ComponentChildren; first: { url: string | null | undefined; label: string }; class?: string }) {
  return (
    <nav class={`govuk-pagination govuk-pagination--block${props.class ? ` ${props.class}` : ''}`} aria-label={props.label}>
      {props.next?.url && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={props.next.url} rel="next">
            <span class="govuk-pagination__link-title">{props.next.label}</span>
          </a>
        </div>
      )}
      {props.more}
      {props.first.url && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={props.first.url} rel="prev">
            <span class="govuk-pagination__link-title">{props.first.label}</span>
          </a>
        </div>
      )}
    </nav>
  );
}
