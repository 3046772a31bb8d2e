CREATE TABLE "role_grant_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"court_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "role_grant_proposals_role_check" CHECK ("role_grant_proposals"."role" in ('judge', 'court_chair')),
	CONSTRAINT "role_grant_proposals_status_check" CHECK ("role_grant_proposals"."status" in ('pending', 'confirmed', 'cancelled')),
	CONSTRAINT "role_grant_proposals_not_own_check" CHECK ("role_grant_proposals"."proposed_by" <> "role_grant_proposals"."user_id"),
	CONSTRAINT "role_grant_proposals_decision_check" CHECK (("role_grant_proposals"."status" = 'pending') = ("role_grant_proposals"."decided_by" is null) and ("role_grant_proposals"."status" <> 'confirmed' or ("role_grant_proposals"."decided_by" <> "role_grant_proposals"."proposed_by" and "role_grant_proposals"."decided_by" <> "role_grant_proposals"."user_id")))
);
--> statement-breakpoint
CREATE TABLE "self_assignment_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"from_judge_id" uuid NOT NULL,
	"chair_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "self_assignment_proposals_status_check" CHECK ("self_assignment_proposals"."status" in ('pending', 'confirmed', 'cancelled')),
	CONSTRAINT "self_assignment_proposals_decision_check" CHECK (("self_assignment_proposals"."status" = 'pending') = ("self_assignment_proposals"."decided_by" is null) and ("self_assignment_proposals"."status" <> 'confirmed' or ("self_assignment_proposals"."decided_by" <> "self_assignment_proposals"."chair_id" and "self_assignment_proposals"."decided_by" <> "self_assignment_proposals"."from_judge_id")))
);
--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_distributions" ADD COLUMN "confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "role_grant_proposals" ADD CONSTRAINT "role_grant_proposals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant_proposals" ADD CONSTRAINT "role_grant_proposals_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant_proposals" ADD CONSTRAINT "role_grant_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant_proposals" ADD CONSTRAINT "role_grant_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assignment_proposals" ADD CONSTRAINT "self_assignment_proposals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assignment_proposals" ADD CONSTRAINT "self_assignment_proposals_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assignment_proposals" ADD CONSTRAINT "self_assignment_proposals_from_judge_id_users_id_fk" FOREIGN KEY ("from_judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assignment_proposals" ADD CONSTRAINT "self_assignment_proposals_chair_id_users_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assignment_proposals" ADD CONSTRAINT "self_assignment_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "role_grant_proposals_pending_key" ON "role_grant_proposals" USING btree ("user_id","role","court_id") WHERE "role_grant_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "role_grant_proposals_user_idx" ON "role_grant_proposals" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_assignment_proposals_pending_key" ON "self_assignment_proposals" USING btree ("case_id") WHERE "self_assignment_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "self_assignment_proposals_court_idx" ON "self_assignment_proposals" USING btree ("court_id","status");--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_distributions" ADD CONSTRAINT "case_distributions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;