CREATE TABLE "canvass_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"episode" integer NOT NULL,
	"stage" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "canvass_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"alert_id" uuid,
	"dedupe_key" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_enc" text NOT NULL,
	"message_enc" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_detail" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "canvass_deliveries_status_check" CHECK (status in ('pending', 'sending', 'sent', 'failed')),
	CONSTRAINT "canvass_deliveries_channel_check" CHECK (channel in ('email', 'webhook', 'push', 'in-app'))
);
--> statement-breakpoint
CREATE TABLE "canvass_delivery_attempts" (
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"detail" text,
	CONSTRAINT "canvass_delivery_attempts_delivery_id_attempt_pk" PRIMARY KEY("delivery_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "canvass_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"detail_enc" text,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "canvass_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"member_ids" jsonb NOT NULL,
	"plan_enc" text NOT NULL,
	"timings" jsonb NOT NULL,
	"state" jsonb NOT NULL,
	"next_action_at" timestamp with time zone,
	"last_location_enc" text,
	"incident_id" uuid,
	CONSTRAINT "canvass_sessions_status_check" CHECK (status in ('planned', 'active', 'due', 'overdue', 'escalated', 'acknowledged', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"endpoint_hash" text NOT NULL,
	"subscription_enc" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"gone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "canvass_alerts" ADD CONSTRAINT "canvass_alerts_session_id_canvass_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."canvass_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_deliveries" ADD CONSTRAINT "canvass_deliveries_session_id_canvass_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."canvass_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_deliveries" ADD CONSTRAINT "canvass_deliveries_alert_id_canvass_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."canvass_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_delivery_attempts" ADD CONSTRAINT "canvass_delivery_attempts_delivery_id_canvass_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."canvass_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_events" ADD CONSTRAINT "canvass_events_session_id_canvass_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."canvass_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_events" ADD CONSTRAINT "canvass_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_sessions" ADD CONSTRAINT "canvass_sessions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_sessions" ADD CONSTRAINT "canvass_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvass_sessions" ADD CONSTRAINT "canvass_sessions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "canvass_alerts_episode_stage_key" ON "canvass_alerts" USING btree ("session_id","episode","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "canvass_deliveries_dedupe_key" ON "canvass_deliveries" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "canvass_deliveries_session_idx" ON "canvass_deliveries" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "canvass_deliveries_next_attempt_idx" ON "canvass_deliveries" USING btree ("next_attempt_at") WHERE next_attempt_at is not null;--> statement-breakpoint
CREATE INDEX "canvass_events_session_idx" ON "canvass_events" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "canvass_sessions_campaign_idx" ON "canvass_sessions" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "canvass_sessions_next_action_idx" ON "canvass_sessions" USING btree ("next_action_at") WHERE next_action_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions" USING btree ("endpoint_hash");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");