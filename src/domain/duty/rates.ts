import type { CaseCategory } from '../caseKinds.ts';
import type { ClaimantType, FilingType } from '../filingTypes.ts';

/**
 * State duty in the courts as dated data rows, each with the article it comes from, so that a
 * change in the law is a change of rows, and a quote can always name its legal basis.
 *
 * - Tax Code of 25 December 2017 No. 120-VI ("Tax Code 2017"): rates Art. 610, exemptions
 *   Art. 616; its rows start on 21 May 2023, when the caps on property claims came in.
 * - Tax Code No. 214-VIII ("Tax Code 2026"), in force 1 January 2026: chapter 71, rates
 *   Art. 665, exemptions Art. 668. It kept the rates of the 2017 code.
 *
 * Amounts in MCI use the monthly calculation index in force on the day of payment.
 */

/** A calendar date in Kazakhstan, `YYYY-MM-DD`. Rows are in force from `from` to `to`, both days included. */
export type IsoDate = `${number}-${number}-${number}`;

export interface Dated {
  from: IsoDate;
  /** Absent while the row is in force. */
  to?: IsoDate;
}

/**
 * The monthly calculation index (МРП / АЕК) of one year, set by that year's republican budget
 * law. Operators enter each new year's value (`/admin/reference`, `sot reference mci set`); these
 * are the values Sot ships with.
 */
export interface MciYear {
  year: number;
  tenge: number;
  /** The act that sets it. */
  basis: string;
}

export const INITIAL_MCI: readonly MciYear[] = [
  { year: 2024, tenge: 3_692, basis: 'Law on the republican budget for 2024–2026' },
  { year: 2025, tenge: 3_932, basis: 'Law on the republican budget for 2025–2027' },
  { year: 2026, tenge: 4_325, basis: 'Law on the republican budget for 2026–2028' },
];

/** What each rate row prices; message keys `duty.rule.<rule>` describe them. */
export const DUTY_RULES = [
  'property_individual',
  'property_legal',
  'non_property',
  'divorce',
  'special_proceedings',
  'administrative_claim',
  'state_body_complaint_individual',
  'state_body_complaint_legal',
  'court_order',
  'appeal',
  'cassation',
  'procedural_application',
] as const;
export type DutyRule = (typeof DUTY_RULES)[number];

export type PercentRate = { kind: 'percent'; percent: number; capMci?: number };
export type MciRate = { kind: 'mci'; mci: number };
/** A share of another rate: of the property-claim rate (court order) or of the first-instance rate of the same case (cassation). */
export type ShareRate = { kind: 'share'; percent: number; of: 'property_claim' | 'first_instance' };
export type NoDuty = { kind: 'none' };
export type Rate = PercentRate | MciRate | ShareRate | NoDuty;

export interface RateRow extends Dated {
  /** Unique across all rows; a quote names it. */
  id: string;
  rule: DutyRule;
  article: string;
  applies: {
    filings: readonly FilingType[];
    /** Any category when absent. */
    categories?: readonly CaseCategory[];
    /** Anyone when absent. */
    claimantTypes?: readonly ClaimantType[];
  };
  rate: Rate;
}

/**
 * Civil categories in which a claim can carry a property demand (a demand with a value). Labour
 * and alimony claims are priced like others and then exempted, so the exemption is visible.
 */
const VALUED_CATEGORIES = ['property', 'non_property', 'divorce', 'housing', 'inheritance', 'labour', 'alimony'] as const satisfies readonly CaseCategory[];
/** Civil categories whose claims, when not valued, pay the flat non-property rate. */
const NON_PROPERTY_CATEGORIES = ['non_property', 'housing', 'inheritance', 'labour', 'alimony'] as const satisfies readonly CaseCategory[];
const CLAIMS = ['claim', 'counterclaim'] as const satisfies readonly FilingType[];
/** Filed within a case and answered without a duty: the Tax Code lists them among the exempt. */
const PROCEDURAL = ['private_complaint', 'petition', 'response', 'hearing_record_remarks', 'court_order_objection'] as const satisfies readonly FilingType[];
/**
 * An application for a court order is its own category: only the demands CPC Art. 135 lists
 * (src/domain/courtOrders.ts), no longer ordinary property, wage or alimony claims by category.
 */
const COURT_ORDER_CATEGORIES = ['court_order'] as const satisfies readonly CaseCategory[];

const TC2017 = { from: '2023-05-21', to: '2025-12-31' } as const satisfies Dated;
const TC2026 = { from: '2026-01-01' } as const satisfies Dated;

export const RATES: readonly RateRow[] = [
  // Tax Code 2026
  {
    id: 'tc2026.property_individual',
    rule: 'property_individual',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(1)',
    applies: { filings: CLAIMS, categories: VALUED_CATEGORIES, claimantTypes: ['individual'] },
    rate: { kind: 'percent', percent: 1, capMci: 10_000 },
  },
  {
    id: 'tc2026.property_legal',
    rule: 'property_legal',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(1)',
    applies: { filings: CLAIMS, categories: VALUED_CATEGORIES, claimantTypes: ['legal'] },
    rate: { kind: 'percent', percent: 3, capMci: 20_000 },
  },
  {
    id: 'tc2026.non_property',
    rule: 'non_property',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(7)',
    applies: { filings: CLAIMS, categories: NON_PROPERTY_CATEGORIES },
    rate: { kind: 'mci', mci: 0.5 },
  },
  {
    id: 'tc2026.divorce',
    rule: 'divorce',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(5)',
    applies: { filings: CLAIMS, categories: ['divorce'] },
    rate: { kind: 'mci', mci: 0.3 },
  },
  {
    id: 'tc2026.special_proceedings',
    rule: 'special_proceedings',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(8)',
    applies: { filings: ['claim'], categories: ['special_proceedings'] },
    rate: { kind: 'mci', mci: 0.5 },
  },
  {
    id: 'tc2026.administrative_claim',
    rule: 'administrative_claim',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(8)',
    applies: { filings: ['claim'], categories: ['public_law_dispute'] },
    rate: { kind: 'mci', mci: 0.5 },
  },
  {
    id: 'tc2026.state_body_complaint_individual',
    rule: 'state_body_complaint_individual',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(2)',
    applies: { filings: ['claim'], categories: ['state_body_complaint'], claimantTypes: ['individual'] },
    rate: { kind: 'mci', mci: 0.3 },
  },
  {
    id: 'tc2026.state_body_complaint_legal',
    rule: 'state_body_complaint_legal',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(3)',
    applies: { filings: ['claim'], categories: ['state_body_complaint'], claimantTypes: ['legal'] },
    rate: { kind: 'mci', mci: 5 },
  },
  {
    id: 'tc2026.court_order',
    rule: 'court_order',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(1)(10)',
    applies: { filings: ['court_order_application'], categories: COURT_ORDER_CATEGORIES },
    rate: { kind: 'share', percent: 50, of: 'property_claim' },
  },
  // An appeal is not among the filings the duty is charged on (Art. 664(1)(1)).
  {
    id: 'tc2026.appeal',
    rule: 'appeal',
    ...TC2026,
    article: 'Tax Code 2026, Art. 664(1)(1)',
    applies: { filings: ['appeal'] },
    rate: { kind: 'none' },
  },
  {
    id: 'tc2026.cassation',
    rule: 'cassation',
    ...TC2026,
    article: 'Tax Code 2026, Art. 665(3)',
    applies: { filings: ['cassation_complaint'] },
    rate: { kind: 'share', percent: 50, of: 'first_instance' },
  },
  {
    id: 'tc2026.procedural_application',
    rule: 'procedural_application',
    ...TC2026,
    article: 'Tax Code 2026, Art. 668(15)',
    applies: { filings: PROCEDURAL },
    rate: { kind: 'none' },
  },

  // Tax Code 2017, same rates
  {
    id: 'tc2017.property_individual',
    rule: 'property_individual',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(1)',
    applies: { filings: CLAIMS, categories: VALUED_CATEGORIES, claimantTypes: ['individual'] },
    rate: { kind: 'percent', percent: 1, capMci: 10_000 },
  },
  {
    id: 'tc2017.property_legal',
    rule: 'property_legal',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(1)',
    applies: { filings: CLAIMS, categories: VALUED_CATEGORIES, claimantTypes: ['legal'] },
    rate: { kind: 'percent', percent: 3, capMci: 20_000 },
  },
  {
    id: 'tc2017.non_property',
    rule: 'non_property',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(7)',
    applies: { filings: CLAIMS, categories: NON_PROPERTY_CATEGORIES },
    rate: { kind: 'mci', mci: 0.5 },
  },
  {
    id: 'tc2017.divorce',
    rule: 'divorce',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(5)',
    applies: { filings: CLAIMS, categories: ['divorce'] },
    rate: { kind: 'mci', mci: 0.3 },
  },
  {
    id: 'tc2017.special_proceedings',
    rule: 'special_proceedings',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(8)',
    applies: { filings: ['claim'], categories: ['special_proceedings'] },
    rate: { kind: 'mci', mci: 0.5 },
  },
  {
    id: 'tc2017.administrative_claim',
    rule: 'administrative_claim',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(8)',
    applies: { filings: ['claim'], categories: ['public_law_dispute'] },
    rate: { kind: 'mci', mci: 0.5 },
  },
  {
    id: 'tc2017.state_body_complaint_individual',
    rule: 'state_body_complaint_individual',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(2)',
    applies: { filings: ['claim'], categories: ['state_body_complaint'], claimantTypes: ['individual'] },
    rate: { kind: 'mci', mci: 0.3 },
  },
  {
    id: 'tc2017.state_body_complaint_legal',
    rule: 'state_body_complaint_legal',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(3)',
    applies: { filings: ['claim'], categories: ['state_body_complaint'], claimantTypes: ['legal'] },
    rate: { kind: 'mci', mci: 5 },
  },
  {
    id: 'tc2017.court_order',
    rule: 'court_order',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(1)(10)',
    applies: { filings: ['court_order_application'], categories: COURT_ORDER_CATEGORIES },
    rate: { kind: 'share', percent: 50, of: 'property_claim' },
  },
  // Art. 609(1)(1) of the 2017 code likewise leaves appeals out.
  {
    id: 'tc2017.appeal',
    rule: 'appeal',
    ...TC2017,
    article: 'Tax Code 2017, Art. 609(1)(1)',
    applies: { filings: ['appeal'] },
    rate: { kind: 'none' },
  },
  {
    id: 'tc2017.cassation',
    rule: 'cassation',
    ...TC2017,
    article: 'Tax Code 2017, Art. 610(2)',
    applies: { filings: ['cassation_complaint'] },
    rate: { kind: 'share', percent: 50, of: 'first_instance' },
  },
  {
    id: 'tc2017.procedural_application',
    rule: 'procedural_application',
    ...TC2017,
    article: 'Tax Code 2017, Art. 616(15)',
    applies: { filings: PROCEDURAL },
    rate: { kind: 'none' },
  },
];

/**
 * Grounds for exemption from the duty; message keys `duty.exemption.<ground>` name them. Labour
 * and alimony follow from the case category (alimony only for a claim to recover it); the others
 * are claimed by the filer and checked by the court.
 */
export const EXEMPTION_GROUNDS = [
  'labour',
  'alimony',
  'harm_to_health',
  'criminal_damage',
  'copyright_author',
  'rehabilitation',
  'veteran',
  'disability',
  'prosecutor_state_body',
] as const;
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

/** The grounds a filer claims, as opposed to those that follow from the category. */
export const EXEMPTION_CODES = [
  'harm_to_health',
  'criminal_damage',
  'copyright_author',
  'rehabilitation',
  'veteran',
  'disability',
  'prosecutor_state_body',
] as const satisfies readonly ExemptionGround[];
export type ExemptionCode = (typeof EXEMPTION_CODES)[number];

/**
 * What an alimony claim asks: to recover alimony (exempt, Tax Code 2026 Art. 668(4)), or
 * anything else (a payer's claim to reduce alimony or be released from paying it), which pays
 * the rate of its claim.
 */
export const ALIMONY_CLAIMS = ['recovery', 'other'] as const;
export type AlimonyClaim = (typeof ALIMONY_CLAIMS)[number];

/**
 * How the filer stands in the case: the claimant (also the applicant of a court order and the
 * defendant who files a counterclaim, who is its claimant), or anyone else (a defendant, a third
 * party). Most exemptions are the claimant's (Art. 668 lists "истцы – по искам …") and carry to
 * the claimant's appeal and cassation (Art. 668, part 2), never to the other side's.
 */
export const FILER_STANDINGS = ['claimant', 'other'] as const;
export type FilerStanding = (typeof FILER_STANDINGS)[number];

export interface ExemptionRow extends Dated {
  id: string;
  ground: ExemptionGround;
  article: string;
  /** The exempting words of the article, as enacted (Russian text), where they were read. */
  wording?: string;
  /** Claims of these categories are exempt without being claimed. */
  categories?: readonly CaseCategory[];
  /** In an alimony case, only these claims are exempt. */
  alimonyClaims?: readonly AlimonyClaim[];
  /** `claimant`: the exemption is the claimant's only; `any`: whoever files. */
  standing: 'claimant' | 'any';
}

interface Ground {
  ground: ExemptionGround;
  /** The subparagraph(s) of Tax Code 2026 Art. 668, part 1. */
  tc2026: string;
  wording: string;
  standing: ExemptionRow['standing'];
}

/**
 * Tax Code 2026, Art. 668, part 1, subparagraph by subparagraph; part 2: "Лица, указанные в части
 * первой настоящей статьи, освобождаются от уплаты государственной пошлины в судах также при
 * обжаловании судебных актов."
 */
const GROUNDS: readonly Ground[] = [
  { ground: 'labour', tc2026: '668(1)', wording: 'истцы – по искам о взыскании сумм оплаты труда и другим требованиям, связанным с трудовой деятельностью', standing: 'claimant' },
  { ground: 'alimony', tc2026: '668(4)', wording: 'истцы – по искам о взыскании алиментов', standing: 'claimant' },
  { ground: 'harm_to_health', tc2026: '668(5)', wording: 'истцы – по искам о возмещении вреда, причиненного увечьем или иным повреждением здоровья, а также смертью кормильца', standing: 'claimant' },
  { ground: 'criminal_damage', tc2026: '668(6)', wording: 'истцы – по искам о возмещении материального ущерба, причиненного уголовным правонарушением', standing: 'claimant' },
  {
    ground: 'copyright_author',
    tc2026: '668(2), (3)',
    wording: 'истцы – авторы, исполнители и организации, управляющие их имущественными правами на коллективной основе, – по искам, вытекающим из авторского права и смежных прав; истцы – авторы объектов промышленной собственности',
    standing: 'claimant',
  },
  // "Истцы и ответчики": the one ground that covers both sides.
  { ground: 'rehabilitation', tc2026: '668(20)', wording: 'истцы и ответчики – по спорам, связанным с возмещением ущерба, причиненного гражданину незаконным осуждением, незаконным применением меры пресечения в виде заключения под стражу либо незаконным наложением административного взыскания в виде ареста', standing: 'any' },
  // "По всем делам и документам": whatever their standing.
  { ground: 'veteran', tc2026: '668(13)', wording: 'ветераны Великой Отечественной войны, ветераны, приравненные по льготам к ветеранам Великой Отечественной войны, и ветераны боевых действий на территории других государств … – по всем делам и документам', standing: 'any' },
  { ground: 'disability', tc2026: '668(13)', wording: 'лица с инвалидностью, а также один из родителей лица с инвалидностью с детства, ребенка с инвалидностью – по всем делам и документам', standing: 'any' },
  // State institutions are exempt also when they complain of a decision against them (668(17)).
  { ground: 'prosecutor_state_body', tc2026: '668(16), (17)', wording: 'органы прокуратуры – по всем искам; государственные учреждения … – при предъявлении исков и обжаловании решений судов', standing: 'any' },
];

/** The exemption carries to appeal and cassation for the persons exempt at first instance (Art. 668, part 2). */
function exemptionRows(code: 'tc2017' | 'tc2026', dated: Dated): ExemptionRow[] {
  return GROUNDS.map(({ ground, tc2026, wording, standing }) => ({
    id: `${code}.exempt.${ground}`,
    ground,
    ...dated,
    // The 2017 code exempted on the same grounds in Art. 616, its list numbered alike.
    article: code === 'tc2026' ? `Tax Code 2026, Art. ${tc2026}` : `Tax Code 2017, Art. ${tc2026.replace('668', '616')}`,
    ...(code === 'tc2026' ? { wording } : {}),
    standing,
    ...(ground === 'labour' || ground === 'alimony' ? { categories: [ground] } : {}),
    ...(ground === 'alimony' ? { alimonyClaims: ['recovery'] as const } : {}),
  }));
}

export const EXEMPTIONS: readonly ExemptionRow[] = [...exemptionRows('tc2026', TC2026), ...exemptionRows('tc2017', TC2017)];

export function inForce(row: Dated, day: IsoDate): boolean {
  return row.from <= day && (row.to === undefined || day <= row.to);
}
