CREATE TABLE "case_follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"by_email" boolean DEFAULT false NOT NULL,
	"by_sms" boolean DEFAULT false NOT NULL,
	"public_only" boolean NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_tx_id" text NOT NULL,
	"last_event_id" bigint NOT NULL,
	"moved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "case_follows" ADD CONSTRAINT "case_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follows" ADD CONSTRAINT "case_follows_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_follows_user_case_idx" ON "case_follows" USING btree ("user_id","case_id");--> statement-breakpoint
CREATE INDEX "case_follows_case_idx" ON "case_follows" USING btree ("case_id") WHERE "case_follows"."active";--> statement-breakpoint
CREATE INDEX "events_tx_idx" ON "events" USING btree ("tx_id","id");
--> statement-breakpoint
-- hand-written: case alerts start from now; the history before them is not news to anyone.
INSERT INTO "event_cursors" ("name", "last_tx_id", "last_event_id", "moved_at") SELECT 'case-alerts', pg_current_xact_id()::text, coalesce(max("id"), 0), now() FROM "events";
