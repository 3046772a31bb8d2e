CREATE INDEX "hearings_list_idx" ON "hearings" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "hearings_court_list_idx" ON "hearings" USING btree ("court_id","starts_at","id");
--> statement-breakpoint
-- hand-written:
-- The hearing list finds a court's hearings by hearings.court_id (its index pages them); rows
-- scheduled before every path set it take their case's court and judge.
UPDATE "hearings" AS h SET "court_id" = c."court_id", "judge_id" = coalesce(h."judge_id", c."judge_id") FROM "cases" AS c WHERE c."id" = h."case_id" AND h."court_id" IS NULL;
