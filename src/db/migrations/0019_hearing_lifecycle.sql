ALTER TABLE "hearings" DROP CONSTRAINT "hearings_status_check";--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "record_document_id" uuid;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_record_document_id_documents_id_fk" FOREIGN KEY ("record_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_closed_check" CHECK ("hearings"."status" not in ('held', 'adjourned', 'not_held') or "hearings"."closed_at" is not null or "hearings"."opened_at" is null);--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_status_check" CHECK ("hearings"."status" in ('scheduled', 'opened', 'held', 'adjourned', 'not_held', 'postponed', 'cancelled'));