import type { Candidate, IdentifierKind, Span } from './types.ts';

/**
 * The identifiers a court act may carry besides names, each found by its own rule. Rules give
 * spans of the input; `index.ts` settles overlaps by priority and writes the markers.
 */
type Found = Omit<Candidate, 'replacement'>;

const PRIORITY: Record<Exclude<IdentifierKind, 'person_name'>, number> = {
  iin_bin: 80,
  iban: 90,
  email: 85,
  id_document: 75,
  phone: 70,
  birth_date: 65,
  car_plate: 60,
  address: 50,
};
/** A run of twelve or more digits is removed whatever else it might be, so none survives. */
const LONG_RUN_PRIORITY = 100;

const SEP = '[ \\-‑]';

// Twelve digits, also grouped by spaces or dashes ("880115 300 123", "8801-1530-0123"), not part
// of a longer grouped number. The check digit is not checked: a mistyped IIN still identifies.
const IIN = new RegExp(`(?<!\\d${SEP}?)\\d(?:${SEP}?\\d){11}(?!${SEP}?\\d)`, 'gu');
const DIGIT_RUN = /\d{12,}/gu;
// A card number in four groups of four: a bank account in all but name.
const CARD = new RegExp(`(?<!\\d${SEP}?)\\d{4}(?:${SEP}?\\d{4}){3}(?!${SEP}?\\d)`, 'gu');
const IBAN = /(?<![\p{L}\d])KZ ?\d{2}(?: ?[0-9A-Z]){16}(?![0-9A-Za-z])/giu;
// Starts only where a run of address characters starts, so a long text is scanned once.
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
// +7 or 8 and ten digits in any usual grouping: +7 701 234 56 78, 8(727)2-123-456, +77012345678.
const PHONE = /(?<![\d+])(?:\+ ?7|8)(?:[ \-‑()]{0,3}\d){10}(?![ \-‑]?\d)/gu;
// A city number is only a phone number next to the word for one.
const PHONE_BY_KEYWORD =
  /(?<!\p{L})(?:тел(?:\.|ефон\p{L}*)?|моб(?:\.|ильн\p{L}*)|ұялы|phone|tel\.?|mobile)\s*(?:[:№.]\s*)?(?<number>\+?\d[\d \-‑()]{3,16}\d)(?![\d])/giu;
// Look-alike letters: the plates use Latin letters, typed texts often the Cyrillic twins.
const PLATE_LETTER = '(?!(?:USD|EUR|KZT|RUB|GBP|CNY)(?![A-Z]))[A-ZАВСЕНКМОРТХУ]';
const REGION = '(?:0[1-9]|1\\d|2[0-1])';
const PLATES = [
  new RegExp(`(?<![\\p{L}\\d])\\d{3} ?${PLATE_LETTER}{2,3} ?${REGION}(?![\\p{L}\\d])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\d])${REGION} ?${PLATE_LETTER}{2,3} ?\\d{3}(?![\\p{L}\\d])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\d])${PLATE_LETTER} ?\\d{3} ?${PLATE_LETTER}{2,3}(?![\\p{L}\\d])`, 'gu'),
];
const ID_DOCUMENT =
  /(?:удостоверени\p{L}*\s+личности|уд\.\s?л\.|жеке\s+куәлі\p{L}*|паспорт\p{L}*|төлқұжат\p{L}*|passport|ID\s+card|identity\s+card)[^\d\n]{0,40}?(?<number>N\s?\d{8,9}|\d{8,9})(?!\d)/giu;
const ID_NUMBER_WITH_N = /№\s?(?<number>N\s?\d{8,9})(?!\d)/gu;

const MONTHS =
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|' +
  'қаңтар\\p{L}*|ақпан\\p{L}*|наурыз\\p{L}*|сәуір\\p{L}*|мамыр\\p{L}*|маусым\\p{L}*|шілде\\p{L}*|тамыз\\p{L}*|қыркүйек\\p{L}*|қазан\\p{L}*|қараша\\p{L}*|желтоқсан\\p{L}*|' +
  'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE =
  `(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}(?:\\s*(?:года|г\\.))?` +
  `|(?:${MONTHS})\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}\\s+жылғы\\s+\\d{1,2}\\s+(?:${MONTHS})|\\d{4})`;
const BIRTH_MARKED_BEFORE = new RegExp(
  `(?<!\\p{L})(?:дат[аыеу]\\s+рождения|д\\.\\s?р\\.|туған\\s+(?:күні|күн|жылы)|date\\s+of\\s+birth|DOB|born(?:\\s+on)?|родивш\\p{L}*|рожд\\.)[\\s:,\\-–—]{0,4}(?:в\\s+|on\\s+)?(?<date>${DATE})(?!\\d)`,
  'giu',
);
// A marker after the date ("12.03.1985 г.р.", "1985 жылы туған"): the marker is found first and
// the date looked for just before it, which is much faster than trying a date at every position.
const BIRTH_MARKER_AFTER = /\s*(?:г\.\s?р\.|года\s+рождения|жылы\s+туған|ж\.\s?т\.|ж\.\s+туған|жылғы\s+туған)/giu;
const DATE_AT_END = new RegExp(`(?<!\\d)${DATE}$`, 'iu');

// Streets: a marker before the name (Russian, "street" rarely) or after it (Kazakh, English).
const STREET_BEFORE =
  /(?<!\p{L})(?:ул\.|улиц[аеыу]|пр\.|пр-т|пр-кт|просп\.|проспект\p{L}*|мкр\.|мкрн\.?|мкр|микрорайон\p{L}*|пер\.|переул\p{L}*|б-р|бульвар\p{L}*|шоссе)/giu;
const STREET_AFTER =
  /(?<!\p{L})(?:көшесі\p{L}*|к-сі|даңғылы\p{L}*|даңғ\.|шағын\s+аудан\p{L}*|ш\/а|street|st\.|avenue|ave\.|road|rd\.)(?!\p{L})/giu;
const NAME_WORD = /\s*(?:[\p{Lu}\d][\p{L}\d\-‑'’]*|би|батыр\p{L}*|ата|баба)/uy;
const HOUSE_PART =
  /[ ,]*(?:(?:д\.|дом|корп\.|корпус|кв\.|квартира|пәтер|apt\.?|apartment|flat|офис|оф\.|№)\s*)?\d+\p{L}?(?:[/\-‑]\d+\p{L}?)?(?:\s*[-‑]?\s*(?:үй\p{L}*|пәтер\p{L}*|кв\.?))?(?!\d)/iuy;
const HOUSE_ALONE =
  /(?<!\p{L})(?:(?:д\.|дом|кв\.|квартира|apt\.?|apartment|flat)\s*\d+\p{L}?(?:[/\-‑]\d+)?|\d+\p{L}?\s*[-‑]\s*(?:үй|пәтер)\p{L}*)(?:[ ,]+(?:кв\.|квартира|пәтер|apt\.?|apartment|flat)\s*\d+|[ ,]+\d+\s*[-‑]\s*пәтер\p{L}*)?/giu;

function push(out: Found[], kind: Exclude<IdentifierKind, 'person_name'>, start: number, end: number, priority = PRIORITY[kind]): void {
  if (end > start) out.push({ start, end, kind, priority });
}

function each(re: RegExp, text: string, kind: Exclude<IdentifierKind, 'person_name'>, out: Found[], group?: string): void {
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    if (group) {
      const value = m.groups?.[group];
      if (value === undefined) continue;
      const at = start + m[0].lastIndexOf(value);
      push(out, kind, at, at + value.length);
    } else push(out, kind, start, start + m[0].length);
  }
}

/** Consumes house and flat numbers after a street name; the end, or -1 when there is no number. */
function houseEnd(text: string, from: number): number {
  let end = -1;
  let at = from;
  for (let parts = 0; parts < 4; parts++) {
    HOUSE_PART.lastIndex = at;
    const m = HOUSE_PART.exec(text);
    if (!m) break;
    at = end = HOUSE_PART.lastIndex;
  }
  return end;
}

function findAddresses(text: string, out: Found[]): void {
  for (const m of text.matchAll(STREET_BEFORE)) {
    let at = m.index + m[0].length;
    for (let words = 0; words < 3; words++) {
      NAME_WORD.lastIndex = at;
      const w = NAME_WORD.exec(text);
      if (!w || /^\s*\d+$/.test(w[0])) break;
      at = NAME_WORD.lastIndex;
    }
    const end = houseEnd(text, at);
    if (end > 0) push(out, 'address', m.index, end);
  }
  for (const m of text.matchAll(STREET_AFTER)) {
    // The street's name: up to three words before the marker, back to the last comma or stop.
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const name = /(?:(?:\d+\s+)?(?:[\p{Lu}\d][\p{L}\d\-‑'’]*|би|батыр\p{L}*)\s+){1,3}$/u.exec(before);
    if (!name) continue;
    const start = m.index - name[0].length;
    const end = houseEnd(text, m.index + m[0].length);
    const leadingNumber = /^\d/.test(name[0]);
    if (end > 0) push(out, 'address', start, end);
    else if (leadingNumber) push(out, 'address', start, m.index + m[0].length);
  }
  each(HOUSE_ALONE, text, 'address', out);
}

export function findIdentifiers(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) push(out, m[0].length === 12 ? 'iin_bin' : 'iban', m.index, m.index + m[0].length, LONG_RUN_PRIORITY);
  each(IIN, text, 'iin_bin', out);
  each(CARD, text, 'iban', out);
  each(IBAN, text, 'iban', out);
  each(EMAIL, text, 'email', out);
  each(PHONE, text, 'phone', out);
  each(PHONE_BY_KEYWORD, text, 'phone', out, 'number');
  for (const re of PLATES) each(re, text, 'car_plate', out);
  each(ID_DOCUMENT, text, 'id_document', out, 'number');
  each(ID_NUMBER_WITH_N, text, 'id_document', out, 'number');
  each(BIRTH_MARKED_BEFORE, text, 'birth_date', out, 'date');
  for (const m of text.matchAll(BIRTH_MARKER_AFTER)) {
    const from = Math.max(0, m.index - 40);
    const date = DATE_AT_END.exec(text.slice(from, m.index));
    if (date) push(out, 'birth_date', from + date.index, m.index);
  }
  findAddresses(text, out);
  return out;
}

// Case numbers as courts print them (7517-26-00-2/123, 7599-22-00-2а/1489, 6003-25-00-4к/1454(2)).
const CASE_NUMBER = /(?<!\d)\d{4}-\d{2}-\d{2}-[\dа-яА-ЯәіңғүұқөһA-Za-z]{1,4}\/\d+(?:\(\d+\))?/gu;
// Legal entities' names in quotes after their form: ТОО «Дала Логистик», LLP "Dala Logistic".
const QUOTED_ENTITY =
  /(?<!\p{L})(?:ТОО|АО|ИП|ЖШС|АҚ|ЖК|ПК|ГУ|КГУ|РГУ|РГП|КГП|ГКП|ЧУ|LLP|JSC|LLC|IE)\s*[«"“„'][^»"”“'\n]{1,120}[»"”']/gu;

/** Spans the name rules leave alone: case numbers and entities' quoted names. */
export function findKeptSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [CASE_NUMBER, QUOTED_ENTITY]) for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

// Nine to eleven digits in a row are no date, sum or case number as acts write them: most likely
// an IIN or account number with a digit lost or a document number without its document's name.
const ALMOST_AN_IDENTIFIER = /(?<![\d.,/-])\d{9,11}(?![\d.,/-]?\d)/gu;

/** Numbers a reviewer should look at: shaped like an identifier, not one for certain. */
export function findPossibleIdentifiers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(ALMOST_AN_IDENTIFIER)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}
