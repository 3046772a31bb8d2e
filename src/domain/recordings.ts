/**
 * Hearing recordings as values: which files the court accepts for each kind, and how a byte
 * range a player asks for is read (RFC 9110, section 14). No I/O here.
 */
export const RECORDING_KINDS = ['audio', 'video', 'record_text'] as const;
export type RecordingKind = (typeof RECORDING_KINDS)[number];

/** A hearing as the court staff who attach its recordings see it. */
export interface StaffHearing {
  hearingId: string;
  caseId: string;
  courtId: string;
  caseNumber: string | null;
  startsAt: Date;
  status: string;
}

export const TEXT_RECORD_MEDIA_TYPE = 'text/plain; charset=utf-8';

/** The no-script form on the court's page takes files up to this size; larger ones go through the resumable API. */
export const MAX_FORM_RECORDING_BYTES = 50 * 1024 * 1024;
/** One piece of a resumable upload; clients send pieces of a few megabytes. */
export const MAX_RECORDING_CHUNK_BYTES = 64 * 1024 * 1024;
/** A resumable upload nobody has added to for this long is abandoned, and its partial file removed. */
export const ABANDONED_UPLOAD_MS = 24 * 3_600_000;

/** The accept attribute of the form's file input, per kind: a hint to the browser, not a check. */
export const RECORDING_ACCEPT = '.mp4,.m4a,.webm,.ogg,.oga,.ogv,.opus,.mp3,.wav,.pdf,.txt';

/**
 * What the bytes were recognised as (file-type's answer) → the type the recording is served
 * with. Containers that hold either sound or picture (mp4, webm) are served as audio when the
 * court filed them as audio, so the browser picks the right player.
 */
const AUDIO_TYPES: Record<string, string> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/wav': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/ogg': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/x-m4a': 'audio/mp4',
  'audio/mp4': 'audio/mp4',
  'video/mp4': 'audio/mp4',
  'audio/webm': 'audio/webm',
  'video/webm': 'audio/webm',
};
const VIDEO_TYPES: Record<string, string> = {
  'video/mp4': 'video/mp4',
  'video/webm': 'video/webm',
  'video/ogg': 'video/ogg',
  'audio/ogg': 'video/ogg',
};

/**
 * The media type a recording of this kind is kept and served as, or null when its bytes are not
 * one of the accepted formats. `plainText` says whether the bytes are UTF-8 text without control
 * characters, the one format no magic number announces.
 */
export function recordingMediaType(kind: RecordingKind, detected: { mime: string } | undefined, plainText: boolean): string | null {
  if (kind === 'record_text') {
    if (detected?.mime === 'application/pdf') return 'application/pdf';
    return !detected && plainText ? TEXT_RECORD_MEDIA_TYPE : null;
  }
  if (!detected) return null;
  return (kind === 'audio' ? AUDIO_TYPES : VIDEO_TYPES)[detected.mime] ?? null;
}

export type ByteRange =
  /** No Range header, another unit, or one we ignore: the whole file, 200. */
  | { kind: 'whole'; reason: 'absent' | 'malformed' | 'multiple' | 'stale' }
  | { kind: 'partial'; start: number; end: number }
  /** Syntactically a range, but none of it lies inside the file: 416. */
  | { kind: 'unsatisfiable' };

const RANGE_SPEC = /^(\d*)-(\d*)$/;

/**
 * Reads a Range header against a file of `size` bytes. A malformed header is ignored (200 with
 * the whole file), as RFC 9110 §14.2 allows: a player that sent nonsense still gets something
 * it can play. More than one range is ignored the same way: no browser's player asks for several,
 * and a multipart/byteranges answer is code nobody would call.
 */
export function readRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole', reason: 'absent' };
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return { kind: 'whole', reason: 'malformed' };
  const specs = match[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (specs.length === 0) return { kind: 'whole', reason: 'malformed' };
  const parsed: { first: number | null; last: number | null }[] = [];
  for (const spec of specs) {
    const m = RANGE_SPEC.exec(spec);
    if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole', reason: 'malformed' };
    const first = m[1] === '' ? null : Number(m[1]);
    const last = m[2] === '' ? null : Number(m[2]);
    if ((first !== null && !Number.isSafeInteger(first)) || (last !== null && !Number.isSafeInteger(last))) return { kind: 'whole', reason: 'malformed' };
    // "5-3" is not a range at all (§14.1.1), unlike "900-" on a file of 500 bytes.
    if (first !== null && last !== null && last < first) return { kind: 'whole', reason: 'malformed' };
    parsed.push({ first, last });
  }
  if (parsed.length > 1) return { kind: 'whole', reason: 'multiple' };
  const { first, last } = parsed[0]!;
  if (first === null) {
    // A suffix: the last `last` bytes, all of them when the file is shorter.
    if (last === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - last!), end: size - 1 };
  }
  if (first >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start: first, end: last === null ? size - 1 : Math.min(last, size - 1) };
}

/**
 * Where a piece of a resumable upload says it starts: `Upload-Offset: n`, or
 * `Content-Range: bytes a-b/total`, whose length and total must agree with the piece and the
 * upload. Null when neither header says, or they say it wrongly.
 */
export function readUploadOffset(headers: { 'upload-offset'?: string | string[] | undefined; 'content-range'?: string | string[] | undefined }, totalBytes: number): { offset: number; length: number | null } | null {
  const offset = headers['upload-offset'];
  if (typeof offset === 'string') return /^\d{1,15}$/.test(offset.trim()) ? { offset: Number(offset.trim()), length: null } : null;
  const range = headers['content-range'];
  if (typeof range !== 'string') return null;
  const m = /^\s*bytes\s+(\d{1,15})-(\d{1,15})\/(\d{1,15}|\*)\s*$/i.exec(range);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start || (m[3] !== '*' && Number(m[3]) !== totalBytes)) return null;
  return { offset: start, length: end - start + 1 };
}
