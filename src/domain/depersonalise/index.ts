import { findIdentifiers, findKeptSpans } from './identifiers.ts';
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
  const kept: Span[] = [...findKeptSpans(text), ...findEntitySpans(text, people)];
  const names = findNames(text, people, kept);
  const keptForNames = [...kept, ...names.kept];
  const candidates: Candidate[] = [
    ...findIdentifiers(text)
      .filter((c) => !(c.kind === 'address' || c.kind === 'car_plate') || !overlapsAny(keptForNames, c))
      .map((c) => ({ ...c, replacement: marker(language, c.kind) })),
    ...names.candidates,
  ];
  const chosen = settleOverlaps(candidates);
  return write(text, chosen, names.flags);
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

function write(text: string, chosen: readonly Candidate[], flagSpans: readonly Span[]): Depersonalised {
  const replacements: Replacement[] = [];
  const parts: string[] = [];
  // Input position → output position, for the flags: each chosen span shifts what follows it.
  const shifts: { at: number; delta: number }[] = [];
  let at = 0;
  let out = 0;
  let delta = 0;
  for (const c of chosen) {
    parts.push(text.slice(at, c.start));
    out += c.start - at;
    parts.push(c.replacement);
    replacements.push({ start: out, end: out + c.replacement.length, kind: c.kind, replacement: c.replacement });
    out += c.replacement.length;
    delta += c.replacement.length - (c.end - c.start);
    shifts.push({ at: c.end, delta });
    at = c.end;
  }
  parts.push(text.slice(at));
  const flags: Flag[] = [];
  for (const f of flagSpans) {
    if (overlapsAny(chosen, f)) continue;
    let shift = 0;
    for (const s of shifts) if (s.at <= f.start) shift = s.delta;
    flags.push({ start: f.start + shift, end: f.end + shift, reason: 'possible_name' });
  }
  flags.sort((a, b) => a.start - b.start);
  return { text: parts.join(''), replacements, flags };
}
