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

-- An org overlay can only point at a representative (FK), and the app role cannot create one. An org admin's
-- merge into a party the batch has not grouped yet needs that party's own representative: this creates it with
-- the entity's name and key (what the batch would seed for it) without touching `entities.representative_id`,
-- so the global grouping, and every other tenant's results, stay as they are (engineering.md §8).
CREATE FUNCTION entity_own_representative(p_entity_id uuid)
  RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    found_id uuid;
  BEGIN
    IF public.app_access_scope() IS DISTINCT FROM 'user' OR public.app_user_role() NOT IN ('admin', 'super_admin') THEN
      RAISE EXCEPTION 'entity_own_representative: org admins only' USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.representatives (representative_name, name_key, total_instances)
      SELECT e.name, e.name_key, e.instances FROM public.entities e WHERE e.id = p_entity_id
      ON CONFLICT (name_key) DO NOTHING;
    SELECT r.id INTO found_id FROM public.representatives r JOIN public.entities e ON e.name_key = r.name_key
     WHERE e.id = p_entity_id;
    RETURN found_id;
  END
  $$;

GRANT SELECT ON entities TO patentrack_definer;
GRANT SELECT, INSERT ON representatives TO patentrack_definer;
ALTER FUNCTION entity_own_representative(uuid) OWNER TO patentrack_definer;
REVOKE ALL ON FUNCTION entity_own_representative(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entity_own_representative(uuid) TO patentrack_app;
