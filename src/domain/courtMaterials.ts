import { isoDay } from './dateBoxes.ts';

/**
 * A material the court adds to its own e-case file: an answer to the court's inquiry, an expert's
 * opinion, evidence that came by post, or anything else the office receives for the case. Each is
 * a document kind of its own, so the parties' file names it in their language too.
 */
export const MATERIAL_KINDS = ['inquiry_answer', 'expert_opinion', 'postal_evidence', 'court_material'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/**
 * Who reads it: the court alone, so that a party reaches it only through a granted request to read
 * the materials (the default), or the parties at once.
 */
export const MATERIAL_AUDIENCES = ['court', 'parties'] as const;
export type MaterialAudience = (typeof MATERIAL_AUDIENCES)[number];

export const MATERIAL_TITLE_MAX = 300;

/** The form's fields, as typed; the file comes after them. */
export const MATERIAL_FORM_FIELDS = ['title', 'kind', 'audience', 'receivedDay', 'receivedMonth', 'receivedYear'] as const;
export type MaterialForm = Partial<Record<(typeof MATERIAL_FORM_FIELDS)[number], string>>;

export interface Material {
  title: string;
  kind: MaterialKind;
  audience: MaterialAudience;
  receivedOn: string;
}

export type MaterialProblem = 'material_title_required' | 'material_kind_required' | 'material_received_invalid' | 'material_received_in_future';

/** Which field of the form each problem belongs to, so the error summary links to it. */
export const MATERIAL_PROBLEM_FIELD: Record<MaterialProblem, 'title' | 'kind' | 'receivedDay'> = {
  material_title_required: 'title',
  material_kind_required: 'kind',
  material_received_invalid: 'receivedDay',
  material_received_in_future: 'receivedDay',
};

/** The material the form describes, or what is wrong with it; `today` is the court's day (ISO). */
export function readMaterialForm(form: MaterialForm, today: string): { material: Material; problems: [] } | { material: null; problems: MaterialProblem[] } {
  const problems: MaterialProblem[] = [];
  const title = (form.title ?? '').replace(/\s+/g, ' ').trim().slice(0, MATERIAL_TITLE_MAX);
  if (title === '') problems.push('material_title_required');
  const kind = (MATERIAL_KINDS as readonly string[]).includes(form.kind ?? '') ? (form.kind as MaterialKind) : null;
  if (!kind) problems.push('material_kind_required');
  const receivedOn = isoDay(form.receivedDay, form.receivedMonth, form.receivedYear);
  if (!receivedOn) problems.push('material_received_invalid');
  else if (receivedOn > today) problems.push('material_received_in_future');
  // Kept for the court unless the form says plainly to share it: the safe side of a mistake.
  const audience: MaterialAudience = form.audience === 'parties' ? 'parties' : 'court';
  if (problems.length > 0 || !kind || !receivedOn) return { material: null, problems };
  return { material: { title, kind, audience, receivedOn }, problems: [] };
}
