CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blobs_sha256_check" CHECK ("blobs"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "filing_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"purpose" text DEFAULT 'attachment' NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filing_attachments_purpose_check" CHECK ("filing_attachments"."purpose" in ('attachment', 'claim_text', 'power_of_attorney', 'exemption_proof', 'payment_document'))
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filer_id" uuid NOT NULL,
	"filer_bin" text,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"court_id" uuid,
	"case_id" uuid,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"duty_amount_tiyn" bigint,
	"duty_basis" text,
	"duty_status" text DEFAULT 'unpaid' NOT NULL,
	"duty_flagged" boolean DEFAULT false NOT NULL,
	"manifest_sha256" text,
	"signature" "bytea",
	"certificate_id" uuid,
	"talon_number" text,
	"verify_code" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filings_talon_number_unique" UNIQUE("talon_number"),
	CONSTRAINT "filings_verify_code_unique" UNIQUE("verify_code"),
	CONSTRAINT "filings_type_check" CHECK ("filings"."type" in ('claim', 'counterclaim', 'appeal', 'private_complaint', 'cassation_complaint', 'petition', 'response', 'hearing_record_remarks', 'court_order_application')),
	CONSTRAINT "filings_status_check" CHECK ("filings"."status" in ('draft', 'submitted')),
	CONSTRAINT "filings_duty_status_check" CHECK ("filings"."duty_status" in ('not_required', 'exempt', 'unpaid', 'paid', 'document_pending', 'verified', 'rejected')),
	CONSTRAINT "filings_submitted_check" CHECK ("filings"."status" = 'draft' or ("filings"."talon_number" is not null and "filings"."signature" is not null and "filings"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" text,
	"signature_valid" boolean NOT NULL,
	"body" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"amount_tiyn" bigint NOT NULL,
	"order_id" text,
	"provider_reference" text,
	"paid_at" timestamp with time zone,
	"document_number" text,
	"document_date" date,
	"document_attachment_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('card', 'document')),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('pending', 'paid', 'declined', 'submitted', 'verified', 'rejected')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_tiyn" > 0)
);
--> statement-breakpoint
CREATE TABLE "talon_counters" (
	"court_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "talon_counters_key" UNIQUE("court_id","year")
);
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_kind_check";--> statement-breakpoint
ALTER TABLE "filing_attachments" ADD CONSTRAINT "filing_attachments_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_attachments" ADD CONSTRAINT "filing_attachments_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_filer_id_users_id_fk" FOREIGN KEY ("filer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_document_attachment_id_filing_attachments_id_fk" FOREIGN KEY ("document_attachment_id") REFERENCES "public"."filing_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talon_counters" ADD CONSTRAINT "talon_counters_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "filing_attachments_filing_idx" ON "filing_attachments" USING btree ("filing_id");--> statement-breakpoint
CREATE INDEX "filings_filer_idx" ON "filings" USING btree ("filer_id","updated_at");--> statement-breakpoint
CREATE INDEX "filings_case_idx" ON "filings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payment_notifications_order_idx" ON "payment_notifications" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_filing_idx" ON "payments" USING btree ("filing_id");--> statement-breakpoint
CREATE INDEX "payments_queue_idx" ON "payments" USING btree ("method","status","created_at");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_check" CHECK (kind in ('claim', 'counterclaim', 'response', 'petition', 'appeal', 'private_complaint', 'cassation_complaint', 'hearing_record_remarks', 'court_order_application', 'attachment', 'power_of_attorney', 'payment_document', 'ruling', 'decision', 'court_order', 'resolution', 'notice', 'hearing_record'));