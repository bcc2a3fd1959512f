CREATE INDEX "user_login_trgm_idx" ON "user_account" USING gin ("login" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_action_id_idx" ON "audit_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_entity_id_idx" ON "audit_log" USING btree ("entity","id");