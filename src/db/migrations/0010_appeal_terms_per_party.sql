ALTER TABLE "case_deadlines" ADD COLUMN "party_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "absent_party_ids" uuid[];--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadlines_party_idx" ON "case_deadlines" USING btree ("party_id");