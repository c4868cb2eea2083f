CREATE TABLE "actor_links" (
	"campaign_id" uuid NOT NULL,
	"actor_a" uuid NOT NULL,
	"actor_b" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "actor_links_actor_a_actor_b_pk" PRIMARY KEY("actor_a","actor_b"),
	CONSTRAINT "actor_links_decision_check" CHECK (decision in ('same', 'different'))
);
--> statement-breakpoint
CREATE TABLE "campaign_settings" (
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"revision" integer NOT NULL,
	"body_enc" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_settings_campaign_id_kind_pk" PRIMARY KEY("campaign_id","kind"),
	CONSTRAINT "campaign_settings_kind_check" CHECK (kind in ('private-details', 'police-contact'))
);
--> statement-breakpoint
CREATE TABLE "incident_verdicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"ruleset_version" text NOT NULL,
	"level" text NOT NULL,
	"cause" text NOT NULL,
	"verdict_enc" text NOT NULL,
	"record_enc" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL,
	CONSTRAINT "incident_verdicts_cause_check" CHECK (cause in ('recorded', 'amended', 'evidence', 'patterns', 'rules-updated'))
);
--> statement-breakpoint
CREATE TABLE "notice_reads" (
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_reads_notice_id_user_id_pk" PRIMARY KEY("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"level" text NOT NULL,
	"previous_level" text,
	"cause" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "current_verdict_id" uuid;--> statement-breakpoint
ALTER TABLE "actor_links" ADD CONSTRAINT "actor_links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_links" ADD CONSTRAINT "actor_links_actor_a_actors_id_fk" FOREIGN KEY ("actor_a") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_links" ADD CONSTRAINT "actor_links_actor_b_actors_id_fk" FOREIGN KEY ("actor_b") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_links" ADD CONSTRAINT "actor_links_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_settings" ADD CONSTRAINT "campaign_settings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_settings" ADD CONSTRAINT "campaign_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_verdicts" ADD CONSTRAINT "incident_verdicts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_verdicts" ADD CONSTRAINT "incident_verdicts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_reads" ADD CONSTRAINT "notice_reads_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_reads" ADD CONSTRAINT "notice_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_links_campaign_idx" ON "actor_links" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "incident_verdicts_incident_idx" ON "incident_verdicts" USING btree ("incident_id","computed_at");--> statement-breakpoint
CREATE INDEX "notices_campaign_idx" ON "notices" USING btree ("campaign_id","created_at");