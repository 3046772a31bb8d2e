CREATE TABLE "judgment_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"judgment_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"note" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "judgment_corrections_status_check" CHECK ("judgment_corrections"."status" in ('pending', 'corrected', 'declined')),
	CONSTRAINT "judgment_corrections_declined_check" CHECK ("judgment_corrections"."status" <> 'declined' or "judgment_corrections"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "judgments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"court_level" smallint NOT NULL,
	"case_number" text NOT NULL,
	"case_kind" text NOT NULL,
	"category" text NOT NULL,
	"act_kind" text NOT NULL,
	"outcome" text,
	"issued_on" date NOT NULL,
	"status" text NOT NULL,
	"lang" text DEFAULT 'ru' NOT NULL,
	"text" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"replacements" integer DEFAULT 0 NOT NULL,
	"tsv_ru" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, coalesce("judgments"."text", ''))) STORED,
	"tsv_simple" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("judgments"."text", ''))) STORED,
	"reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judgments_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "judgments_status_check" CHECK ("judgments"."status" in ('needs_text', 'pending_review', 'published', 'withheld')),
	CONSTRAINT "judgments_text_check" CHECK ("judgments"."status" = 'needs_text' or "judgments"."text" is not null),
	CONSTRAINT "judgments_withheld_check" CHECK ("judgments"."status" <> 'withheld' or "judgments"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "judgment_corrections" ADD CONSTRAINT "judgment_corrections_judgment_id_judgments_id_fk" FOREIGN KEY ("judgment_id") REFERENCES "public"."judgments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgment_corrections" ADD CONSTRAINT "judgment_corrections_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgment_corrections" ADD CONSTRAINT "judgment_corrections_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgment_corrections" ADD CONSTRAINT "judgment_corrections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "judgment_corrections_judgment_idx" ON "judgment_corrections" USING btree ("judgment_id","status");--> statement-breakpoint
CREATE INDEX "judgments_queue_idx" ON "judgments" USING btree ("court_id","status") WHERE "judgments"."status" in ('pending_review', 'needs_text');--> statement-breakpoint
CREATE INDEX "judgments_published_idx" ON "judgments" USING btree ("issued_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "judgments"."status" = 'published';--> statement-breakpoint
CREATE INDEX "judgments_court_published_idx" ON "judgments" USING btree ("court_id","issued_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "judgments"."status" = 'published';--> statement-breakpoint
CREATE INDEX "judgments_tsv_ru_idx" ON "judgments" USING gin ("tsv_ru") WHERE "judgments"."status" = 'published';--> statement-breakpoint
CREATE INDEX "judgments_tsv_simple_idx" ON "judgments" USING gin ("tsv_simple") WHERE "judgments"."status" = 'published';--> statement-breakpoint
CREATE INDEX "judgments_text_trgm_idx" ON "judgments" USING gin ("text" gin_trgm_ops) WHERE "judgments"."status" = 'published';