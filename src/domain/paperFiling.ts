import { isoDay } from './dateBoxes.ts';
/**
 * A filing received on paper at the court's counter, as the clerk types it in from the paper:
 * who filed it, what it is, the other parties of a claim, and the day it was handed in. The
 * scan is checked like any upload; everything else is checked here, all at once, so the clerk
 * sees every problem of the form together.
 */
import { isCaseCategory, type CaseCategory } from './caseKinds.ts';
import { parseCaseNumber } from './caseNumber.ts';
import type { FilingParty } from './filingFields.ts';
import { FILING_TYPES, startsCase, type FilingType } from './filingTypes.ts';
import { isValidBin, isValidIin } from './iin.ts';
import { parseTengeToTiyn } from './money.ts';

/** A scan of paper: a PDF or a picture, never an editable document. */
export const SCAN_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const SCAN_ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png';

export const PAPER_PARTY_SLOTS = 2;
export const PAPER_PARTY_SIDES = ['defendant', 'third_party'] as const;
export type PaperPartySide = (typeof PAPER_PARTY_SIDES)[number];

/** The form as posted: every value a string, possibly empty. */
export interface PaperFilingForm {
  court?: string;
  type?: string;
  caseNumber?: string;
  category?: string;
  filerKind?: string;
  filerId?: string;
  filerName?: string;
  filerAddress?: string;
  filerPhone?: string;
  subject?: string;
  amount?: string;
  receivedDay?: string;
  receivedMonth?: string;
  receivedYear?: string;
  [party: `party${number}${'Side' | 'Kind' | 'Id' | 'Name' | 'Address'}`]: string | undefined;
}

export const PAPER_FORM_FIELDS = [
  'court',
  'type',
  'caseNumber',
  'category',
  'filerKind',
  'filerId',
  'filerName',
  'filerAddress',
  'filerPhone',
  'subject',
  'amount',
  'receivedDay',
  'receivedMonth',
  'receivedYear',
  ...Array.from({ length: PAPER_PARTY_SLOTS }, (_, i) => (['Side', 'Kind', 'Id', 'Name', 'Address'] as const).map((part) => `party${i + 1}${part}` as const)).flat(),
] as const;

export type PaperProblemCode =
  | 'invalid_request'
  | 'invalid_iin'
  | 'invalid_bin'
  | 'invalid_amount'
  | 'invalid_category'
  | 'invalid_case_number'
  | 'case_number_required'
  | 'filer_name_required'
  | 'party_name_required'
  | 'defendant_required'
  | 'subject_required'
  | 'received_date_invalid'
  | 'received_date_in_future';

/** A problem with one field; `field` is the id of the input the error summary links to. */
export interface PaperProblem {
  field: string;
  code: PaperProblemCode;
}

export interface PaperFiler {
  kind: 'individual' | 'legal';
  iin?: string;
  bin?: string;
  name: string;
  address?: string;
  phone?: string;
}

/** What the clerk's form says, once it checks out. */
export interface PaperFiling {
  type: FilingType;
  /** In-case filings: the canonical number of the case filed in. */
  caseNumber: string | null;
  category: CaseCategory | null;
  filer: PaperFiler;
  /** The other parties a claim names. */
  parties: FilingParty[];
  subject: string | null;
  amount: string | null;
  /** The court date (YYYY-MM-DD) the paper was handed in. */
  receivedOn: string;
}

/** What a paper filing keeps in `filings.fields`: the claim's fields as the portal keeps them, plus the filer and the day received. */
export interface PaperFilingFields {
  category?: CaseCategory;
  subject?: string;
  amount?: string;
  parties?: FilingParty[];
  filer: PaperFiler;
  receivedOn: string;
}

const text = (value: string | undefined) => (value ?? '').trim();
const digits = (value: string | undefined) => text(value).replace(/\s+/g, '');

function identifierProblem(kind: string | undefined, id: string, field: string): PaperProblem | null {
  if (id === '') return null;
  if (kind === 'legal') return isValidBin(id) ? null : { field, code: 'invalid_bin' };
  return isValidIin(id) ? null : { field, code: 'invalid_iin' };
}

/**
 * Reads the clerk's form: the paper filing it describes, or every problem found. `today` is the
 * court date now: a paper cannot have been handed in tomorrow.
 */
export function readPaperFiling(form: PaperFilingForm, today: string): { filing: PaperFiling; problems: [] } | { filing: null; problems: PaperProblem[] } {
  const problems: PaperProblem[] = [];
  const type = text(form.type);
  if (!(FILING_TYPES as readonly string[]).includes(type)) return { filing: null, problems: [{ field: 'type', code: 'invalid_request' }] };
  const filingType = type as FilingType;
  const claim = startsCase(filingType);

  let caseNumber: string | null = null;
  if (!claim) {
    if (text(form.caseNumber) === '') problems.push({ field: 'caseNumber', code: 'case_number_required' });
    else {
      const parsed = parseCaseNumber(text(form.caseNumber));
      if (parsed) caseNumber = parsed.canonical;
      else problems.push({ field: 'caseNumber', code: 'invalid_case_number' });
    }
  }

  let category: CaseCategory | null = null;
  if (claim) {
    const value = text(form.category);
    if (isCaseCategory(value)) category = value;
    else problems.push({ field: 'category', code: 'invalid_category' });
  }

  const filerKind = form.filerKind === 'legal' ? 'legal' : 'individual';
  const filerId = digits(form.filerId);
  if (filerId === '') problems.push({ field: 'filerId', code: filerKind === 'legal' ? 'invalid_bin' : 'invalid_iin' });
  else {
    const problem = identifierProblem(filerKind, filerId, 'filerId');
    if (problem) problems.push(problem);
  }
  if (text(form.filerName) === '') problems.push({ field: 'filerName', code: 'filer_name_required' });

  const parties: FilingParty[] = [];
  if (claim) {
    for (let n = 1; n <= PAPER_PARTY_SLOTS; n++) {
      const name = text(form[`party${n}Name`]);
      const id = digits(form[`party${n}Id`]);
      const address = text(form[`party${n}Address`]);
      if (name === '' && id === '' && address === '') continue;
      const kind = form[`party${n}Kind`] === 'legal' ? 'legal' : 'individual';
      const side: PaperPartySide = form[`party${n}Side`] === 'third_party' ? 'third_party' : 'defendant';
      if (name === '') problems.push({ field: `party${n}Name`, code: 'party_name_required' });
      const problem = identifierProblem(kind, id, `party${n}Id`);
      if (problem) problems.push(problem);
      parties.push({ side, kind, name, ...(id ? (kind === 'legal' ? { bin: id } : { iin: id }) : {}), ...(address ? { address } : {}) });
    }
    if (!parties.some((p) => p.side === 'defendant')) problems.push({ field: 'party1Name', code: 'defendant_required' });
    if (text(form.subject) === '') problems.push({ field: 'subject', code: 'subject_required' });
  }

  const amount = text(form.amount);
  if (amount !== '' && parseTengeToTiyn(amount) === null) problems.push({ field: 'amount', code: 'invalid_amount' });

  const receivedOn = isoDay(form.receivedDay, form.receivedMonth, form.receivedYear);
  if (!receivedOn) problems.push({ field: 'receivedDay', code: 'received_date_invalid' });
  else if (receivedOn > today) problems.push({ field: 'receivedDay', code: 'received_date_in_future' });

  if (problems.length > 0) return { filing: null, problems };
  const filerAddress = text(form.filerAddress);
  const filerPhone = text(form.filerPhone);
  const subject = text(form.subject);
  return {
    filing: {
      type: filingType,
      caseNumber,
      category,
      filer: {
        kind: filerKind,
        ...(filerKind === 'legal' ? { bin: filerId } : { iin: filerId }),
        name: text(form.filerName),
        ...(filerAddress ? { address: filerAddress } : {}),
        ...(filerPhone ? { phone: filerPhone } : {}),
      },
      parties,
      subject: subject || null,
      amount: amount || null,
      receivedOn: receivedOn!,
    },
    problems: [],
  };
}

/** The fields a paper filing keeps, in the shape the portal's filings use where they overlap. */
export function paperFilingFields(filing: PaperFiling): PaperFilingFields {
  const claimant: FilingParty[] = startsCase(filing.type)
    ? [
        {
          side: 'claimant',
          kind: filing.filer.kind,
          name: filing.filer.name,
          ...(filing.filer.iin ? { iin: filing.filer.iin } : {}),
          ...(filing.filer.bin ? { bin: filing.filer.bin } : {}),
          ...(filing.filer.address ? { address: filing.filer.address } : {}),
          ...(filing.filer.phone ? { phone: filing.filer.phone } : {}),
        },
      ]
    : [];
  return {
    ...(filing.category ? { category: filing.category } : {}),
    ...(filing.subject ? { subject: filing.subject } : {}),
    ...(filing.amount ? { amount: filing.amount } : {}),
    ...(claimant.length + filing.parties.length > 0 ? { parties: [...claimant, ...filing.parties] } : {}),
    filer: filing.filer,
    receivedOn: filing.receivedOn,
  };
}

/** An IIN shown to court staff: only its last four digits. */
export function maskIinTail(iin: string): string {
  return iin.length > 4 ? `${'•'.repeat(iin.length - 4)}${iin.slice(-4)}` : '••••';
}
