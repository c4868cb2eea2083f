-- Each share row names the share it belongs to: a person's actor records shared together are one share.
-- Rows made before this were grouped by when, by whom and with which force they were shared; keep that.
ALTER TABLE "shares" ADD COLUMN "group_id" uuid;--> statement-breakpoint
UPDATE "shares" AS s SET "group_id" = g."first_id" FROM (
  SELECT "id", first_value("id") OVER (
    PARTITION BY "campaign_id", "force_id", "shared_by", "shared_at",
      CASE WHEN "actor_id" IS NULL THEN "id" END
    ORDER BY "id"
  ) AS "first_id"
  FROM "shares"
) AS g WHERE g."id" = s."id";--> statement-breakpoint
ALTER TABLE "shares" ALTER COLUMN "group_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "shares_group_idx" ON "shares" USING btree ("group_id");
