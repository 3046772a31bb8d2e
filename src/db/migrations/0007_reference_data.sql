CREATE TABLE "reference_calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"religious" boolean DEFAULT false NOT NULL,
	"basis" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_calendar_days_kind_check" CHECK ("reference_calendar_days"."kind" in ('holiday', 'day_off_transfer', 'working_day_transfer'))
);
--> statement-breakpoint
CREATE TABLE "reference_mci" (
	"year" smallint PRIMARY KEY NOT NULL,
	"tenge" integer NOT NULL,
	"basis" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_mci_year_check" CHECK ("reference_mci"."year" between 2000 and 2200),
	CONSTRAINT "reference_mci_tenge_check" CHECK ("reference_mci"."tenge" > 0)
);
--> statement-breakpoint
CREATE TABLE "reference_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"database_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_state_single_row" CHECK ("reference_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "reference_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"claimant_type" text NOT NULL,
	"mci" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"basis" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_thresholds_key_from" UNIQUE("key","claimant_type","valid_from"),
	CONSTRAINT "reference_thresholds_mci_check" CHECK ("reference_thresholds"."mci" > 0),
	CONSTRAINT "reference_thresholds_period_check" CHECK ("reference_thresholds"."valid_to" is null or "reference_thresholds"."valid_to" >= "reference_thresholds"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "reference_calendar_days" ADD CONSTRAINT "reference_calendar_days_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_mci" ADD CONSTRAINT "reference_mci_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_thresholds" ADD CONSTRAINT "reference_thresholds_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;