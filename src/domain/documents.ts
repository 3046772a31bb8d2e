import { COURT_ACT_KINDS } from './courtActs.ts';

/** Every kind of document a case holds. */
export const DOCUMENT_KINDS = [
  'claim',
  'counterclaim',
  'response',
  'petition',
  'appeal',
  'private_complaint',
  'cassation_complaint',
  'hearing_record_remarks',
  'court_order_application',
  'court_order_objection',
  'attachment',
  'power_of_attorney',
  'payment_document',
  // Court acts: documents the court issues and signs; the rest come from the parties.
  ...COURT_ACT_KINDS,
  'notice',
  'hearing_record',
  // Materials the court adds to its own file (src/domain/courtMaterials.ts).
  'inquiry_answer',
  'expert_opinion',
  'postal_evidence',
  'court_material',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who reads a document: the parties, the court alone (kept for the court), or anyone. */
export const DOCUMENT_VISIBILITIES = ['parties', 'court', 'public'] as const;
