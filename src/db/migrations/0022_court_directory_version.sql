CREATE TABLE "directory_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written: every change to courts or regions moves the courts directory's version on, in
-- the same transaction, so processes caching the directory see the change on their next read.
INSERT INTO "directory_versions" ("name", "version") VALUES ('courts', 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE FUNCTION "bump_courts_directory_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "directory_versions" SET "version" = "version" + 1 WHERE "name" = 'courts';
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "courts_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "courts" FOR EACH STATEMENT EXECUTE FUNCTION "bump_courts_directory_version"();--> statement-breakpoint
CREATE TRIGGER "regions_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_courts_directory_version"();
