ALTER TABLE "notifications" ADD COLUMN "subject_i18n" jsonb;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "body_i18n" jsonb;