import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to get the text back out of what pdfkit writes, so tests can check
 * what a person would see or copy. It relies on pdfkit's habits: objects written whole (no object
 * streams or incremental updates), a direct `/Length` on every stream, embedded fonts addressed
 * with two-byte glyph codes in hex strings, and font resource names (`/F1`, `/F2`…) that are unique
 * in the document. Each glyph code is turned back into text through its font's ToUnicode CMap.
 */

export interface PdfObject {
  /** The object's dictionary (or other value) as written, up to `stream` or `endobj`. */
  dict: string;
  /** The stream's bytes, already inflated when the stream is FlateDecode. */
  stream?: Buffer;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const source = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) \d+ obj\b/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    const start = header.lastIndex;
    const end = source.indexOf('endobj', start);
    const streamAt = source.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { dict: source.slice(start, end) });
      continue;
    }
    const dict = source.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = streamAt + (source.startsWith('stream\r\n', streamAt) ? 8 : 7);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    // Skip the data: compressed bytes may happen to contain "obj".
    header.lastIndex = dataStart + length;
  }
  return objects;
}

/** The text of every page, in page order, one line per text object (pdfkit writes one per line). */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const cmaps = fontCmaps(objects);
  return pageContents(objects)
    .map((content) => textLines(content, cmaps).join('\n'))
    .join('\n\f\n');
}

function ref(dict: string, key: string): number | undefined {
  const match = new RegExp(`/${key} (\\d+) \\d+ R`).exec(dict);
  return match ? Number(match[1]) : undefined;
}

function pageContents(objects: Map<number, PdfObject>): string[] {
  const tree = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) \d+ R/g)].map((m) => Number(m[1]));
  return kids.map((kid) => {
    const contents = ref(objects.get(kid)?.dict ?? '', 'Contents');
    return objects.get(contents ?? -1)?.stream?.toString('latin1') ?? '';
  });
}

type Cmap = Map<number, string>;

/** Font resource name (`F1`) → the glyph-code-to-text map of that font. */
function fontCmaps(objects: Map<number, PdfObject>): Map<string, Cmap> {
  const cmaps = new Map<string, Cmap>();
  for (const { dict } of objects.values()) {
    const fonts = /\/Font <<([^>]*)>>/.exec(dict)?.[1];
    if (!fonts) continue;
    for (const [, name, id] of fonts.matchAll(/\/(\S+) (\d+) \d+ R/g)) {
      const toUnicode = ref(objects.get(Number(id))?.dict ?? '', 'ToUnicode');
      const cmap = objects.get(toUnicode ?? -1)?.stream;
      if (name && cmap) cmaps.set(name, parseCmap(cmap.toString('latin1')));
    }
  }
  return cmaps;
}

const hexText = (hex: string) => (hex.replace(/\s/g, '').match(/.{4}/g) ?? []).map((unit) => String.fromCharCode(parseInt(unit, 16))).join('');
const hexNumber = (token: string) => parseInt(token.slice(1, -1), 16);

/** Reads `bfchar` pairs and both forms of `bfrange`: a start value, or an array of values. */
export function parseCmap(cmap: string): Cmap {
  const map: Cmap = new Map();
  for (const [, body = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    const tokens = body.match(/<[0-9A-Fa-f\s]*>/g) ?? [];
    for (let i = 0; i + 1 < tokens.length; i += 2) map.set(hexNumber(tokens[i]!), hexText(tokens[i + 1]!.slice(1, -1)));
  }
  for (const [, body = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const tokens = body.match(/<[0-9A-Fa-f\s]*>|\[|\]/g) ?? [];
    for (let i = 0; i + 2 < tokens.length; ) {
      const low = hexNumber(tokens[i]!);
      const high = hexNumber(tokens[i + 1]!);
      if (tokens[i + 2] === '[') {
        let code = low;
        for (i += 3; tokens[i] !== ']' && i < tokens.length; i++) map.set(code++, hexText(tokens[i]!.slice(1, -1)));
        i++;
      } else {
        const first = tokens[i + 2]!.slice(1, -1).replace(/\s/g, '');
        const prefix = first.slice(0, -4);
        const last = parseInt(first.slice(-4), 16);
        // The last UTF-16 unit counts up along the range.
        for (let code = low; code <= high; code++) map.set(code, hexText(prefix + (last + code - low).toString(16).padStart(4, '0')));
        i += 3;
      }
    }
  }
  return map;
}

/** Walks a content stream: `Tf` picks the font, `Tj`/`TJ` show its glyphs, `BT`…`ET` is one line. */
function textLines(content: string, cmaps: Map<string, Cmap>): string[] {
  const lines: string[] = [];
  let line = '';
  let cmap: Cmap | undefined;
  let operands: string[] = [];
  const show = (hex: string) => {
    for (const unit of hex.replace(/\s/g, '').match(/.{4}/g) ?? []) line += cmap?.get(parseInt(unit, 16)) ?? '\ufffd';
  };
  const tokens = content.match(/<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/<>[\]()]+|\((?:\\.|[^\\)])*\)|[^\s/<>[\]()]+/g) ?? [];
  for (const token of tokens) {
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    if (token === 'BT') line = '';
    else if (token === 'ET') lines.push(line);
    else if (token === 'Tf') cmap = cmaps.get(operands.at(-2)?.slice(1) ?? '');
    else if (token === 'Tj' || token === 'TJ') operands.filter((o) => /^<[^<]/.test(o)).forEach((o) => show(o.slice(1, -1)));
    operands = [];
  }
  return lines;
}

/** The document information dictionary (Title, Author, CreationDate…) with its strings decoded. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const objects = pdfObjects(pdf);
  const trailer = pdf.toString('latin1').slice(pdf.lastIndexOf('trailer'));
  const info = objects.get(ref(trailer, 'Info') ?? -1)?.dict ?? '';
  const entries: Record<string, string> = {};
  for (const [, key = '', id] of info.matchAll(/\/(\w+) (\d+) \d+ R/g)) {
    const literal = /\(((?:\\.|[^\\)])*)\)/.exec(objects.get(Number(id))?.dict ?? '')?.[1];
    if (literal !== undefined) entries[key] = decodePdfString(literal);
  }
  return entries;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A literal string's bytes, read as UTF-16BE when it starts with the byte order mark. */
function decodePdfString(literal: string): string {
  const bytes = literal.replace(/\\([0-7]{1,3}|.)/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (ESCAPES[c] ?? c),
  );
  if (!bytes.startsWith('\xfe\xff')) return bytes;
  return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
}
