CREATE TABLE "familiarisation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"note" text,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"scope" text,
	"document_ids" uuid[],
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "familiarisation_status_check" CHECK ("familiarisation_requests"."status" in ('pending', 'granted', 'refused')),
	CONSTRAINT "familiarisation_answer_check" CHECK (("familiarisation_requests"."status" = 'pending') = ("familiarisation_requests"."decided_at" is null)),
	CONSTRAINT "familiarisation_grant_check" CHECK ("familiarisation_requests"."status" <> 'granted' or ("familiarisation_requests"."scope" is not null and "familiarisation_requests"."document_ids" is not null)),
	CONSTRAINT "familiarisation_refusal_check" CHECK ("familiarisation_requests"."status" <> 'refused' or "familiarisation_requests"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "familiarisation_requests" ADD CONSTRAINT "familiarisation_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "familiarisation_requests" ADD CONSTRAINT "familiarisation_requests_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "familiarisation_requests" ADD CONSTRAINT "familiarisation_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "familiarisation_requests" ADD CONSTRAINT "familiarisation_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "familiarisation_case_idx" ON "familiarisation_requests" USING btree ("case_id","status");