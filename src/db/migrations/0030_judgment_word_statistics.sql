-- The planner chooses between walking the judgments by date and reading a word's matches from its
-- text index by how common it thinks the word is, and it knows only the words in its sample's
-- most-common list. At the default statistics target that list stops at words in about 0.6% of
-- judgments, and every rarer word is guessed at that floor: at a million judgments a word in 27 of
-- them was searched by walking nearly all million by date (14 s). Ten times the target lists
-- words down to about 0.08%, and a rare word is read from its index (2 ms).
ALTER TABLE "judgments" ALTER COLUMN "tsv_ru" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "judgments" ALTER COLUMN "tsv_simple" SET STATISTICS 1000;--> statement-breakpoint
ANALYZE "judgments";
