CREATE TABLE "case_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"runs_from" date NOT NULL,
	"due_on" date NOT NULL,
	"article" text NOT NULL,
	"concerns" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_deadlines_concerns_check" CHECK ("case_deadlines"."concerns" in ('parties', 'court'))
);
--> statement-breakpoint
CREATE TABLE "case_recusals" (
	"case_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_recusals_case_id_judge_id_pk" PRIMARY KEY("case_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "judge_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"judge_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judge_absences_reason_check" CHECK ("judge_absences"."reason" in ('leave', 'sick', 'training', 'other')),
	CONSTRAINT "judge_absences_range_check" CHECK ("judge_absences"."starts_on" <= "judge_absences"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "judge_categories" (
	"judge_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"category" text NOT NULL,
	CONSTRAINT "judge_categories_judge_id_court_id_category_pk" PRIMARY KEY("judge_id","court_id","category")
);
--> statement-breakpoint
ALTER TABLE "filings" DROP CONSTRAINT "filings_submitted_check";--> statement-breakpoint
ALTER TABLE "case_distributions" ALTER COLUMN "seed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_distributions" ALTER COLUMN "protocol" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_distributions" ALTER COLUMN "protocol_sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_distributions" ADD COLUMN "method" text DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_distributions" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "case_distributions" ADD COLUMN "assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "in_force_on" date;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "judge_id" uuid;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "court_id" uuid;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "postponed_to_id" uuid;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "signed_manifest" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "verify_code" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "decision_form" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "channel" text DEFAULT 'portal' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_absences" ADD CONSTRAINT "judge_absences_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_absences" ADD CONSTRAINT "judge_absences_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_absences" ADD CONSTRAINT "judge_absences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_categories" ADD CONSTRAINT "judge_categories_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_categories" ADD CONSTRAINT "judge_categories_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadlines_case_idx" ON "case_deadlines" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_deadlines_open_idx" ON "case_deadlines" USING btree ("due_on") WHERE "case_deadlines"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "judge_absences_judge_idx" ON "judge_absences" USING btree ("judge_id","starts_on");--> statement-breakpoint
ALTER TABLE "case_distributions" ADD CONSTRAINT "case_distributions_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_postponed_to_id_hearings_id_fk" FOREIGN KEY ("postponed_to_id") REFERENCES "public"."hearings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hearings_judge_idx" ON "hearings" USING btree ("judge_id","starts_at");--> statement-breakpoint
CREATE INDEX "hearings_court_room_idx" ON "hearings" USING btree ("court_id","room","starts_at");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_verify_code_unique" UNIQUE("verify_code");--> statement-breakpoint
ALTER TABLE "case_distributions" ADD CONSTRAINT "case_distributions_method_check" CHECK ("case_distributions"."method" in ('automatic', 'manual'));--> statement-breakpoint
ALTER TABLE "case_distributions" ADD CONSTRAINT "case_distributions_record_check" CHECK (("case_distributions"."method" = 'automatic' and "case_distributions"."seed" is not null and "case_distributions"."protocol" is not null and "case_distributions"."protocol_sha256" is not null) or ("case_distributions"."method" = 'manual' and "case_distributions"."reason" is not null and "case_distributions"."assigned_by" is not null));--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_place_check" CHECK ("hearings"."room" is not null or "hearings"."video_link" is not null);--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_decision_form_check" CHECK ("documents"."decision_form" is null or ("documents"."kind" = 'decision' and "documents"."decision_form" in ('operative', 'final')));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_outcome_check" CHECK ("documents"."outcome" is null or "documents"."outcome" in ('upheld', 'changed', 'reversed', 'sent_back'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issued_check" CHECK ("documents"."issued_at" is null or "documents"."kind" not in ('ruling', 'decision', 'court_order', 'resolution') or ("documents"."signature" is not null and "documents"."signed_manifest" is not null and "documents"."verify_code" is not null));--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_channel_check" CHECK ("filings"."channel" in ('portal', 'counter'));--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_submitted_check" CHECK ("filings"."status" = 'draft' or ("filings"."talon_number" is not null and ("filings"."signature" is not null or "filings"."channel" = 'counter') and "filings"."submitted_at" is not null));