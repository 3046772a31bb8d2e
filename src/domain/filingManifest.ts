/**
 * What a filer signs: the filing's fields and the sha256 of every attached file, as canonical
 * JSON. Anyone holding the files and the signature can rebuild these bytes and check both.
 */
import { canonicalJson } from './canonicalJson.ts';
import type { FilingFields } from './filingFields.ts';
import type { FilingType } from './filingTypes.ts';

export const MANIFEST_FORMAT = 'sot-filing/1';

export interface ManifestInput {
  id: string;
  version: number;
  type: FilingType;
  courtId: string | null;
  caseId: string | null;
  filer: { iin: string; bin: string | null };
  fields: FilingFields;
  attachments: readonly { id: string; name: string; purpose: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export function filingManifest(input: ManifestInput): Uint8Array {
  const attachments = [...input.attachments]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => ({ name: a.name, purpose: a.purpose, mediaType: a.mediaType, size: a.sizeBytes, sha256: a.sha256 }));
  const manifest = {
    format: MANIFEST_FORMAT,
    filing: input.id,
    version: input.version,
    type: input.type,
    court: input.courtId,
    case: input.caseId,
    filer: { iin: input.filer.iin, bin: input.filer.bin },
    fields: input.fields,
    attachments,
  };
  return new TextEncoder().encode(canonicalJson(manifest));
}
