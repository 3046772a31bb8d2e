import type { ComponentChildren } from 'preact';
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
}

export function TextInput(props: TextInputProps) {
  const { t } = useView();
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  const label = (
    <label class={`govuk-label${props.labelAsHeading ? ' govuk-label--l' : ''}`} for={props.id}>
      {props.label}
    </label>
  );
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      {props.labelAsHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label}
      {props.hint && (
        <div id={`${props.id}-hint`} class="govuk-hint">
          {props.hint}
        </div>
      )}
      {props.error && (
        <p id={`${props.id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">{t('error.title')}:</span> {props.error}
        </p>
      )}
      <input
        class={`govuk-input${props.classes ? ` ${props.classes}` : ''}${props.error ? ' govuk-input--error' : ''}`}
        id={props.id}
        name={props.name}
        type="text"
        value={props.value ?? ''}
        aria-describedby={describedBy || undefined}
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
