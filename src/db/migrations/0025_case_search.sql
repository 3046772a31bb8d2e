CREATE INDEX "cases_court_filed_idx" ON "cases" USING btree ("court_id","filed_at","id");--> statement-breakpoint
CREATE INDEX "cases_number_trgm_idx" ON "cases" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parties_name_trgm_idx" ON "parties" USING gin ("display_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parties_iin_idx" ON "parties" USING btree ("iin") WHERE "parties"."iin" is not null;