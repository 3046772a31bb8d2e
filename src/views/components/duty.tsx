import type { DutyStatus } from '../../domain/filingTypes.ts';
import { formatTenge } from '../../i18n/format.ts';
import { useView } from '../context.ts';

/** Colours by what the office must do: nothing (green, grey), check a document (blue), chase it (red). */
const TAG: Record<DutyStatus, string> = {
  not_required: 'govuk-tag--grey',
  exempt: 'govuk-tag--grey',
  unpaid: 'govuk-tag--red',
  paid: 'govuk-tag--green',
  document_pending: 'govuk-tag--blue',
  verified: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
};

/** How the duty was paid, where its status tells: by card through the acquirer, or by a document the office checks. */
export function dutyMethod(status: DutyStatus): 'card' | 'document' | null {
  if (status === 'paid') return 'card';
  if (status === 'document_pending' || status === 'verified' || status === 'rejected') return 'document';
  return null;
}

/** A filing's state duty at a glance: its status as a tag, and the amount as money. */
export function DutySummary({ duty }: { duty: { status: DutyStatus; amountTiyn: number | null } }) {
  const { t, lang } = useView();
  return (
    <>
      <strong class={`govuk-tag ${TAG[duty.status]}`} data-duty-status={duty.status}>
        {t(`talon.duty.status.${duty.status}`)}
      </strong>
      {duty.amountTiyn !== null && duty.amountTiyn > 0 && <span class="govuk-body-s sot-block">{formatTenge(duty.amountTiyn / 100, lang)}</span>}
    </>
  );
}
