import { findIdentifiers, findKeptSpans, findPossibleIdentifiers } from './identifiers.ts';
import { detectLanguage, MARKERS, type TextLanguage } from './language.ts';
import { findEntitySpans, findNames } from './names.ts';
import type { Candidate, Depersonalised, Flag, NamedPerson, Replacement, Span } from './types.ts';

export type { Candidate, Depersonalised, Flag, IdentifierKind, NamedPerson, Replacement } from './types.ts';
export { detectLanguage, MARKERS, type TextLanguage } from './language.ts';

/**
 * Removes what identifies private persons from a court act before it is published: IIN/BIN,
 * phone numbers, e-mail addresses, street addresses, bank accounts, car plates, identity document
 * numbers, dates of birth, and names (reduced to initials). Officials, entities, courts, articles,
 * sums, case numbers and the dates of events stay. Every rule errs towards removal; what it is not
 * sure of it flags for the court official who reviews the act before publication.
 *
 * Identifiers are replaced by a bracketed marker in the act's language ("[ИИН/БИН]", "[ЖСН/БСН]",
 * "[IIN/BIN]"); names by their initials ("И.П.С."). Positions in the result are in the output.
 */
export function depersonalise(text: string, people: readonly NamedPerson[]): Depersonalised {
  const language = detectLanguage(text);
  let current: Depersonalised = { text, replacements: [], flags: [] };
  // A replacement can change what its neighbours look like ("1 Street8801 1530 0123" hides the
  // street until the IIN is gone), so the rules run again on their own output until it stands
  // still: the published text is one a second pass leaves as it is.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = onePass(current.text, people, language, current.replacements);
    const moved = next.replacements.length > 0;
    current = { text: next.text, replacements: merge(current.replacements, next.replacements, next.edits), flags: next.flags };
    if (!moved) break;
  }
  current.flags = current.flags.filter((f) => !overlapsAny(current.replacements, f));
  return current;
}

const MAX_PASSES = 3;

type ReviewFlag = Span & { reason: Flag['reason'] };

interface Pass extends Depersonalised {
  /** The spans of the pass's input it replaced, with the change in length each brought. */
  edits: { start: number; end: number; delta: number }[];
}

function onePass(text: string, people: readonly NamedPerson[], language: TextLanguage, done: readonly Span[]): Pass {
  const kept: Span[] = [...findKeptSpans(text), ...findEntitySpans(text, people)];
  const names = findNames(text, people, kept);
  const keptForNames = [...kept, ...names.kept];
  const candidates: Candidate[] = [
    ...findIdentifiers(text)
      .filter((c) => !overlapsAny(done, c) && (!(c.kind === 'address' || c.kind === 'car_plate') || !overlapsAny(keptForNames, c)))
      .map((c) => ({ ...c, replacement: marker(language, c.kind) })),
    ...names.candidates,
  ];
  const flags: ReviewFlag[] = [
    ...names.flags.map((f) => ({ ...f, reason: 'possible_name' as const })),
    ...findPossibleIdentifiers(text).map((f) => ({ ...f, reason: 'possible_identifier' as const })),
  ];
  return write(text, settleOverlaps(candidates), flags);
}

/**
 * Earlier passes' replacements moved by a later pass's edits. A later name may take in initials
 * an earlier pass wrote ("И.П.С. Петров" once a glued number is gone): the earlier one is then
 * part of the later and goes.
 */
function merge(earlier: readonly Replacement[], later: readonly Replacement[], edits: Pass['edits']): Replacement[] {
  const moved = earlier.filter((r) => !overlapsAny(edits, r)).map((r) => {
    let shift = 0;
    for (const e of edits) if (e.end <= r.start) shift += e.delta;
    return { ...r, start: r.start + shift, end: r.end + shift };
  });
  return [...moved, ...later].sort((a, b) => a.start - b.start);
}

function marker(language: TextLanguage, kind: Candidate['kind']): string {
  return kind === 'person_name' ? '' : MARKERS[language][kind];
}

function overlapsAny(spans: readonly Span[], c: Span): boolean {
  for (const s of spans) if (s.start < c.end && c.start < s.end) return true;
  return false;
}

/** Highest priority first, then the longer span; a span that overlaps one already chosen is dropped. */
function settleOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of ordered) if (!overlapsAny(chosen, c)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

function write(text: string, chosen: readonly Candidate[], flagSpans: readonly ReviewFlag[]): Pass {
  const replacements: Replacement[] = [];
  const edits: Pass['edits'] = [];
  const parts: string[] = [];
  let at = 0;
  let out = 0;
  for (const c of chosen) {
    parts.push(text.slice(at, c.start));
    out += c.start - at;
    parts.push(c.replacement);
    replacements.push({ start: out, end: out + c.replacement.length, kind: c.kind, replacement: c.replacement });
    out += c.replacement.length;
    edits.push({ start: c.start, end: c.end, delta: c.replacement.length - (c.end - c.start) });
    at = c.end;
  }
  parts.push(text.slice(at));
  const flags: Flag[] = [];
  for (const f of flagSpans) {
    if (overlapsAny(chosen, f)) continue;
    let shift = 0;
    for (const e of edits) if (e.end <= f.start) shift += e.delta;
    flags.push({ start: f.start + shift, end: f.end + shift, reason: f.reason });
  }
  flags.sort((a, b) => a.start - b.start);
  return { text: parts.join(''), replacements, flags, edits };
}
