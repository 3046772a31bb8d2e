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
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;