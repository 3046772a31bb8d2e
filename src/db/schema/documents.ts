import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DECISION_FORMS, REVIEW_OUTCOMES } from '../../domain/courtActs.ts';
import { DOCUMENT_KINDS, DOCUMENT_VISIBILITIES } from '../../domain/documents.ts';
import { cases } from './cases.ts';
import { users } from './users.ts';

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});


export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** Content address in the blob store. */
    sha256: text('sha256'),
    /** CMS SignedData over the document's sha256, as signed by `signerId`. */
    signature: bytea('signature'),
    signerId: uuid('signer_id').references(() => users.id),
    /** For a court act: the canonical JSON the judge signed (court, case, kind, text's sha256). */
    signedManifest: text('signed_manifest'),
    /** For an issued court act: the code printed with its QR, checked at `/verify/<code>`. */
    verifyCode: text('verify_code').unique(),
    /** A decision's form: the operative part announced in the courtroom, or the decision in final form. */
    decisionForm: text('decision_form', { enum: DECISION_FORMS }),
    /** A higher court's act: what it did with the act under review. */
    outcome: text('outcome', { enum: REVIEW_OUTCOMES }),
    /**
     * A first-instance decision: the parties the judge recorded as not taking part in the hearing
     * at which it was made. Their appeal term runs from the day a copy is sent to them (CPC Art.
     * 403(3)). Null or empty: everyone took part.
     */
    absentPartyIds: uuid('absent_party_ids').array(),
    /** A material the court added to its file: the day it reached the court. */
    receivedOn: date('received_on', { mode: 'string' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    visibility: text('visibility', { enum: DOCUMENT_VISIBILITIES }).notNull().default('parties'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('documents_kind_check', sql.raw(`kind in (${DOCUMENT_KINDS.map((k) => `'${k}'`).join(', ')})`)),
    check('documents_visibility_check', sql`${t.visibility} in ('parties', 'court', 'public')`),
    check('documents_decision_form_check', sql`${t.decisionForm} is null or (${t.kind} = 'decision' and ${t.decisionForm} in ('operative', 'final'))`),
    check('documents_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('upheld', 'changed', 'reversed', 'sent_back')`),
    check('documents_issued_check', sql`${t.issuedAt} is null or ${t.kind} not in ('ruling', 'decision', 'court_order', 'resolution') or (${t.signature} is not null and ${t.signedManifest} is not null and ${t.verifyCode} is not null)`),
    check('documents_sha256_check', sql`${t.sha256} is null or ${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('documents_case_idx').on(t.caseId, t.issuedAt),
    index('documents_sha256_idx').on(t.sha256),
    // Court statistics count the deciding acts issued in a month: a range over this index, not a scan.
    index('documents_deciding_issued_idx').on(t.issuedAt).where(sql`${t.issuedAt} is not null and ${t.kind} in ('decision', 'court_order', 'resolution')`),
  ],
);
