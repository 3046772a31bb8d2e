CREATE TABLE "notice_links" (
	"id" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "notice_links_expires_idx" ON "notice_links" USING btree ("expires_at");