ALTER TABLE "parties" ADD COLUMN "appeal_role" text;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "forwarded_case_id" uuid;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_forwarded_case_id_cases_id_fk" FOREIGN KEY ("forwarded_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_appeal_role_check" CHECK ("parties"."appeal_role" is null or "parties"."appeal_role" in ('appellant', 'respondent'));--> statement-breakpoint
-- Data fix: appeals filed before forwarding existed opened their appellate case at once; each names it in its 'review_filed' event.
UPDATE "filings" f SET "forwarded_case_id" = (e."data"->>'reviewCaseId')::uuid FROM "events" e WHERE f."type" = 'appeal' AND f."status" = 'submitted' AND f."forwarded_case_id" IS NULL AND e."case_id" = f."case_id" AND e."type" = 'review_filed' AND e."data"->>'filingId' = f."id"::text;
