ALTER TABLE "diagnostics" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "summary_bands" text[];--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "summary_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "summary_version" integer;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "summary_stale" boolean GENERATED ALWAYS AS (status = 'termine' and (summary_of is distinct from updated_at or summary_version is distinct from 1)) STORED;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "stats_domain" text GENERATED ALWAYS AS (case when coalesce(data->>'status', '') <> 'abandonnee' then data->>'domain' end) STORED;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "stats_action" text GENERATED ALWAYS AS (case when coalesce(data->>'status', '') <> 'abandonnee' then data->>'catalogueId' end) STORED;--> statement-breakpoint
CREATE INDEX "campaign_invitations_email_idx" ON "campaign_invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "campaign_invitations_structure_idx" ON "campaign_invitations" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "diagnostics_summary_stale_idx" ON "diagnostics" USING btree ("organization_id") WHERE "diagnostics"."summary_stale";--> statement-breakpoint
CREATE INDEX "diagnostics_ddets_idx" ON "diagnostics" USING btree ("year","status","organization_id","id","summary_version","summary_bands");--> statement-breakpoint
CREATE INDEX "plan_actions_stats_idx" ON "plan_actions" USING btree ("plan_id","stats_domain","stats_action");