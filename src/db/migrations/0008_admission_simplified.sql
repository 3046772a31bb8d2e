ALTER TABLE "cases" DROP CONSTRAINT "cases_status_check";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "simplified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('draft', 'submitted', 'registered', 'assigned', 'accepted', 'returned', 'refused', 'left_without_motion', 'preparation', 'hearing_scheduled', 'decided', 'decision_final', 'appeal_window', 'appealed', 'in_force', 'archived'));--> statement-breakpoint
-- A first-instance claim is never left without motion (CPC Arts 151, 152): those that were go back to their judge for a lawful answer.
UPDATE "cases" SET "status" = 'assigned', "status_changed_at" = now() WHERE "instance" = 1 AND "status" = 'left_without_motion';--> statement-breakpoint
UPDATE "case_deadlines" SET "closed_at" = now() WHERE "kind" = 'defects_fix' AND "closed_at" IS NULL AND "case_id" IN (SELECT "id" FROM "cases" WHERE "instance" = 1);--> statement-breakpoint
-- An appeal's term to cure its defects (CPC Art. 406(1)) keeps running under its own name.
UPDATE "case_deadlines" SET "kind" = 'appeal_defects' WHERE "kind" = 'defects_fix' AND "case_id" IN (SELECT "id" FROM "cases" WHERE "instance" = 2);--> statement-breakpoint
-- A cassation term runs only from an appellate act's entry into force (CPC Arts 434(1), 436(1)).
DELETE FROM "case_deadlines" d WHERE d."kind" = 'cassation' AND d."case_id" IN (
  SELECT c."id" FROM "cases" c WHERE c."instance" = 1 AND NOT EXISTS (
    SELECT 1 FROM "cases" a WHERE a."parent_case_id" = c."id" AND a."instance" = 2 AND a."status" = 'in_force' AND a."in_force_on" >= c."in_force_on"));--> statement-breakpoint
UPDATE "case_deadlines" SET "article" = 'CPC Art. 436(1)' WHERE "kind" = 'cassation';
