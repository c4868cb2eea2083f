CREATE TABLE "incident_facts" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"force_id" text,
	"week_start" text NOT NULL,
	"channel" text NOT NULL,
	"level" text NOT NULL,
	"offence_categories" jsonb NOT NULL,
	"targeted" jsonb NOT NULL,
	"characteristics" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"kind" text NOT NULL,
	"body_enc" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "police_updates_kind_check" CHECK (kind in ('acknowledged', 'crime-reference', 'action', 'outcome', 'note'))
);
--> statement-breakpoint
CREATE TABLE "security_briefings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"kind" text NOT NULL,
	"happened_at" timestamp with time zone NOT NULL,
	"notes_enc" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_briefings_kind_check" CHECK (kind in ('offered', 'delivered'))
);
--> statement-breakpoint
CREATE TABLE "shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"incident_id" uuid,
	"actor_id" uuid,
	"shared_by" uuid NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"stopped_by" uuid,
	CONSTRAINT "shares_one_subject_check" CHECK ((incident_id is null) <> (actor_id is null))
);
--> statement-breakpoint
ALTER TABLE "incident_facts" ADD CONSTRAINT "incident_facts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_facts" ADD CONSTRAINT "incident_facts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_facts" ADD CONSTRAINT "incident_facts_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_updates" ADD CONSTRAINT "police_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_updates" ADD CONSTRAINT "police_updates_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_updates" ADD CONSTRAINT "police_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_briefings" ADD CONSTRAINT "security_briefings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_briefings" ADD CONSTRAINT "security_briefings_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_briefings" ADD CONSTRAINT "security_briefings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_stopped_by_users_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_facts_week_idx" ON "incident_facts" USING btree ("week_start","force_id");--> statement-breakpoint
CREATE INDEX "incident_facts_force_idx" ON "incident_facts" USING btree ("force_id","week_start");--> statement-breakpoint
CREATE INDEX "police_updates_incident_idx" ON "police_updates" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "security_briefings_force_idx" ON "security_briefings" USING btree ("force_id","campaign_id");--> statement-breakpoint
CREATE INDEX "shares_force_idx" ON "shares" USING btree ("force_id","shared_at");--> statement-breakpoint
CREATE INDEX "shares_campaign_idx" ON "shares" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "shares_incident_idx" ON "shares" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "shares_actor_idx" ON "shares" USING btree ("actor_id");