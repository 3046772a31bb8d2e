/**
 * What a filing says, apart from its files: one schema for the form, the API and the stored
 * draft. A draft may be incomplete; `missingForSubmit` says what a submission still lacks.
 */
import Type, { type Static } from 'typebox';
import { ALL_CASE_CATEGORIES, type CaseCategory } from './caseKinds.ts';
import { CLAIMANT_TYPES, startsCase, type FilingType } from './filingTypes.ts';
import { COURT_ORDER_DEMANDS, demandValueRequired } from './courtOrders.ts';
import { isValidBin, isValidIin } from './iin.ts';
import { parseTengeToTiyn } from './money.ts';
import { ALIMONY_CLAIMS } from './duty/rates.ts';

export const PARTY_SIDES = ['claimant', 'defendant', 'third_party'] as const;
export const PARTY_KINDS = ['individual', 'legal'] as const;

export const FilingParty = Type.Object(
  {
    side: Type.Enum(PARTY_SIDES),
    kind: Type.Enum(PARTY_KINDS),
    /** Individuals: IIN; legal entities: BIN. Either may be unknown for the other side. */
    iin: Type.Optional(Type.String({ maxLength: 12 })),
    bin: Type.Optional(Type.String({ maxLength: 12 })),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type FilingParty = Static<typeof FilingParty>;

export const FilingFields = Type.Object(
  {
    category: Type.Optional(Type.Enum(ALL_CASE_CATEGORIES as CaseCategory[])),
    claimantType: Type.Optional(Type.Enum(CLAIMANT_TYPES)),
    parties: Type.Optional(Type.Array(FilingParty, { maxItems: 20 })),
    representative: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 300 }),
          iin: Type.String({ maxLength: 12 }),
          powerOfAttorney: Type.Optional(Type.String({ maxLength: 300, description: 'Number and date of the power of attorney' })),
        },
        { additionalProperties: false },
      ),
    ),
    subject: Type.Optional(Type.String({ maxLength: 2000 })),
    /** The claim's value in tenge, as typed: "1500000" or "1500000.50". */
    amount: Type.Optional(Type.String({ maxLength: 30 })),
    text: Type.Optional(Type.String({ maxLength: 100_000 })),
    exemption: Type.Optional(Type.String({ maxLength: 40 })),
    /** An application for a court order: the demand of CPC Art. 135 it makes. */
    courtOrderDemand: Type.Optional(Type.Enum(COURT_ORDER_DEMANDS)),
    /** In an alimony case: whether the claim is to recover alimony or something else (a reduction, a release). */
    alimonyClaim: Type.Optional(Type.Enum(ALIMONY_CLAIMS)),
  },
  { additionalProperties: false },
);
export type FilingFields = Static<typeof FilingFields>;

export type FieldProblem = { field: string; code: 'invalid_iin' | 'invalid_bin' | 'invalid_amount' | 'court_order_demand_not_listed' };

/**
 * Errors a draft may not keep: identifiers with a wrong check digit, amounts that are not
 * amounts, and an application for a court order on anything but a demand CPC Art. 135 lists
 * (its category is then `court_order`; any other demand goes by claim).
 */
export function fieldProblems(fields: FilingFields, type?: FilingType): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (type === 'court_order_application' && fields.category !== undefined && fields.category !== 'court_order') problems.push({ field: 'courtOrderDemand', code: 'court_order_demand_not_listed' });
  if (type !== undefined && type !== 'court_order_application' && (fields.courtOrderDemand !== undefined || fields.category === 'court_order')) problems.push({ field: 'category', code: 'court_order_demand_not_listed' });
  fields.parties?.forEach((party, i) => {
    if (party.iin && !isValidIin(party.iin)) problems.push({ field: `parties[${i}].iin`, code: 'invalid_iin' });
    if (party.bin && !isValidBin(party.bin)) problems.push({ field: `parties[${i}].bin`, code: 'invalid_bin' });
  });
  if (fields.representative && !isValidIin(fields.representative.iin)) problems.push({ field: 'representative.iin', code: 'invalid_iin' });
  if (fields.amount !== undefined && fields.amount.trim() !== '' && parseTengeToTiyn(fields.amount) === null) problems.push({ field: 'amount', code: 'invalid_amount' });
  return problems;
}

/**
 * The claimant a filer names and acts for as a representative: a person other than the filer, or a
 * legal entity by its BIN. A filer who acts for a legal entity directly (its first head or a person
 * with the right to sign, `filer.bin`) files as that entity and represents no one. An entity's
 * employee is not its head: naming the entity makes them its representative, whose power of
 * attorney the court must accept.
 */
export function representedClaimant(fields: FilingFields, filer: { iin: string; bin: string | null }): FilingParty | undefined {
  if (filer.bin) return undefined;
  return fields.parties?.find((p) => p.side === 'claimant' && (p.kind === 'individual' ? p.iin !== undefined && p.iin !== filer.iin : p.bin !== undefined));
}

/** Names of what a submission of this type still needs; empty when it may be signed. */
export function missingForSubmit(
  type: FilingType,
  fields: FilingFields,
  context: { hasCourt: boolean; hasCase: boolean; attachmentCount: number; representing?: boolean; powerOfAttorneyCount?: number },
): string[] {
  const missing: string[] = [];
  if (startsCase(type)) {
    if (!context.hasCourt) missing.push('court');
    if (!fields.category) missing.push('category');
    if (!fields.parties?.some((p) => p.side === 'defendant')) missing.push('defendant');
    if (!fields.subject?.trim()) missing.push('subject');
    if (fields.category === 'property' && !fields.amount?.trim()) missing.push('amount');
    if (type === 'court_order_application') {
      if (!fields.courtOrderDemand) missing.push('courtOrderDemand');
      else if (demandValueRequired(fields.courtOrderDemand) && !fields.amount?.trim()) missing.push('amount');
    }
    // Only a claim to recover alimony is exempt from the duty (Tax Code 2026, Art. 668(4)).
    if (fields.category === 'alimony' && !fields.alimonyClaim) missing.push('alimonyClaim');
    // A representative acts once the court accepts their authority, which needs its document.
    if (context.representing && !context.powerOfAttorneyCount) missing.push('powerOfAttorney');
  } else if (!context.hasCase) {
    missing.push('case');
  }
  if (type === 'counterclaim' && !fields.subject?.trim()) missing.push('subject');
  if (!fields.text?.trim() && context.attachmentCount === 0) missing.push('text');
  return missing;
}
