CREATE TABLE "audit_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"checked_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"ok" boolean NOT NULL,
	"entries" integer NOT NULL,
	"head_id" bigint,
	"head_hash" text,
	"head_at" timestamp with time zone,
	"broken_id" bigint,
	"broken_at" timestamp with time zone,
	"broken_action" text,
	"problem" text
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "document_sha256" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "document_payer" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "duplicate_of_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "duplicate_confirmation" text;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_duplicate_of_payment_id_payments_id_fk" FOREIGN KEY ("duplicate_of_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_document_scan_once" ON "payments" USING btree ("document_sha256") WHERE "payments"."method" = 'document' and "payments"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "payments_document_details_idx" ON "payments" USING btree ("document_number","document_date") WHERE "payments"."method" = 'document';--> statement-breakpoint
-- Data fix: payment documents taken before this rule. Each takes its scan's sha256 from its
-- attachment; where one scan backs several payments that are not rejected, the earliest keeps
-- it and the later ones are flagged to the clerk as duplicates of it instead of being refused.
WITH docs AS (
  SELECT p.id, a.sha256, p.status, p.created_at,
         first_value(p.id) OVER (PARTITION BY a.sha256, (p.status <> 'rejected') ORDER BY p.created_at, p.id) AS first_id
  FROM payments p JOIN filing_attachments a ON a.id = p.document_attachment_id
  WHERE p.method = 'document'
)
UPDATE payments SET
  document_sha256 = CASE WHEN docs.status = 'rejected' OR docs.first_id = docs.id THEN docs.sha256 END,
  duplicate_of_payment_id = CASE WHEN docs.status <> 'rejected' AND docs.first_id <> docs.id THEN docs.first_id END
FROM docs WHERE payments.id = docs.id;
