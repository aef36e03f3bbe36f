-- An org admin's rename of an entity group (product.md #45, B4 step 4) is pinned on that org's overlay rows,
-- so later normalization runs keep it and no other tenant sees it (engineering.md §8).
ALTER TABLE "org_entity_overrides" ADD COLUMN "canonical_name" varchar(500);

-- Per-asset activity (last recorded transaction, transaction count), stored once per completed pipeline run so
-- the asset list's default sort walks an index instead of scanning the partitioned assignment tables per asset
-- on every request. NULL `activity_at` = not computed yet for this asset.
ALTER TABLE "assets" ADD COLUMN "last_activity" date;
ALTER TABLE "assets" ADD COLUMN "assignment_count" integer DEFAULT 0 NOT NULL;
ALTER TABLE "assets" ADD COLUMN "activity_at" timestamp with time zone;
CREATE INDEX "assets_activity_sort_idx" ON "assets" ("organization_id", (coalesce("last_activity", '0001-01-01'::date)), "id") WHERE "deleted_at" IS NULL;

-- The list's status filter and the "worst verdict" lookup read title rows by asset, whatever the company.
CREATE INDEX "asset_title_status_asset_idx" ON "asset_title_status" ("organization_id", "asset_id");
