CREATE TABLE "case_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"protocol" text NOT NULL,
	"protocol_sha256" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_distributions" ADD CONSTRAINT "case_distributions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_distributions" ADD CONSTRAINT "case_distributions_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_distributions_case_idx" ON "case_distributions" USING btree ("case_id","drawn_at");