CREATE TABLE "court_statistics_monthly" (
	"court_id" uuid,
	"month" date NOT NULL,
	"received" integer NOT NULL,
	"received_electronic" integer NOT NULL,
	"received_paper" integer NOT NULL,
	"decided" integer NOT NULL,
	"median_days_to_decision" double precision,
	"appeals_upheld" integer NOT NULL,
	"appeals_changed" integer NOT NULL,
	"appeals_reversed" integer NOT NULL,
	"appeals_sent_back" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_statistics_monthly_key" UNIQUE NULLS NOT DISTINCT("court_id","month")
);
--> statement-breakpoint
ALTER TABLE "court_statistics_monthly" ADD CONSTRAINT "court_statistics_monthly_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_registered_idx" ON "cases" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "documents_deciding_issued_idx" ON "documents" USING btree ("issued_at") WHERE "documents"."issued_at" is not null and "documents"."kind" in ('decision', 'court_order', 'resolution');--> statement-breakpoint
CREATE INDEX "filings_forwarded_case_idx" ON "filings" USING btree ("forwarded_case_id") WHERE "filings"."forwarded_case_id" is not null;