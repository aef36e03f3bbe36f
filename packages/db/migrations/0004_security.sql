-- The updated_at trigger, tenant-context helpers, grants, row-level security (data-model §7), the
-- SECURITY DEFINER entry points (§7.6) and the security_invoker view over title verdicts.

-- §8: the only trigger.
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

DO $$
DECLARE
  table_name text;
BEGIN
  FOR table_name IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname
  LOOP
    EXECUTE format(
      'CREATE TRIGGER set_updated_at BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()',
      table_name);
  END LOOP;
END
$$;

-- §7.2: transaction-local settings. NULLIF because an ended local setting reads back as '' and
-- ''::uuid would raise.
CREATE FUNCTION app_current_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_user_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_role', true), '') $$;
CREATE FUNCTION app_access_scope() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.access_scope', true), '') $$;
CREATE FUNCTION app_share_link_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.share_link_id', true), '')::uuid $$;

-- §7.3: the share link of this transaction is live (not revoked, not expired). SECURITY DEFINER so the
-- share_links policy, which itself calls share_ok(), does not recurse.
CREATE FUNCTION share_ok() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM public.share_links s
      WHERE s.id = public.app_share_link_id()
        AND s.organization_id = public.app_current_org()
        AND s.revoked_at IS NULL
        AND (s.expires_at IS NULL OR s.expires_at > now())
    )
  $$;

-- Grants (data-model §0). Workers get DML on every table through the default privileges set in 0001.
GRANT SELECT ON
  patents, assignments, document_ids, assignors, assignees, entities, representatives, conveyance_overrides,
  assignment_conveyances, inventors, cpc_classifications, patent_cpc_codes, maintenance_fee_events,
  patent_families, patent_family_members, patent_family_lookups,
  conveyance_types, tree_types, dashboard_item_types, activity_codes, maintenance_fee_event_codes,
  data_sources, ingestion_files, ingestion_jobs, ingestion_errors, ingestion_changes
  TO patentrack_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON banks, law_firms TO patentrack_app;

-- §7.1/§7.3: every table with organization_id (and organizations itself) gets ENABLE + FORCE RLS, the
-- super-admin policy T2 and, except the three with special rules below, the tenant policy T1.
DO $$
DECLARE
  table_name text;
  tenant_column text;
BEGIN
  FOR table_name IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND (c.relname = 'organizations' OR EXISTS (
        SELECT 1 FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped))
    ORDER BY c.relname
  LOOP
    tenant_column := CASE WHEN table_name = 'organizations' THEN 'id' ELSE 'organization_id' END;
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format($p$
      CREATE POLICY super_admin_all ON %I FOR ALL TO patentrack_app
        USING (app_access_scope() = 'user' AND app_user_role() = 'super_admin')
        WITH CHECK (app_access_scope() = 'user' AND app_user_role() = 'super_admin')$p$, table_name);
    IF table_name NOT IN ('audit_events', 'processing_jobs', 'processing_steps') THEN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO patentrack_app', table_name);
      EXECUTE format($p$
        CREATE POLICY tenant_rw ON %1$I FOR ALL TO patentrack_app
          USING (app_access_scope() = 'user' AND %2$I = app_current_org())
          WITH CHECK (app_access_scope() = 'user' AND %2$I = app_current_org())$p$, table_name, tenant_column);
    END IF;
  END LOOP;
END
$$;

-- T3: share viewers read, never write, and only while their link is live.
CREATE POLICY share_read ON organizations FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND id = app_current_org() AND share_ok());
CREATE POLICY share_read ON share_links FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND organization_id = app_current_org() AND share_ok()
         AND id = app_share_link_id());
CREATE POLICY share_read ON share_link_assets FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND organization_id = app_current_org() AND share_ok()
         AND share_link_id = app_share_link_id());
CREATE POLICY share_read ON assets FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND organization_id = app_current_org() AND share_ok()
         AND id IN (SELECT sla.asset_id FROM share_link_assets sla WHERE sla.share_link_id = app_share_link_id()));
CREATE POLICY share_read ON asset_diagrams FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND organization_id = app_current_org() AND share_ok()
         AND asset_id IN (SELECT sla.asset_id FROM share_link_assets sla WHERE sla.share_link_id = app_share_link_id()));
CREATE POLICY share_read ON asset_title_status FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND organization_id = app_current_org() AND share_ok()
         AND asset_id IN (SELECT sla.asset_id FROM share_link_assets sla WHERE sla.share_link_id = app_share_link_id()));
CREATE POLICY share_read ON dashboard_items FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'share:read' AND organization_id = app_current_org() AND share_ok()
         AND asset_id IN (SELECT sla.asset_id FROM share_link_assets sla WHERE sla.share_link_id = app_share_link_id()));

-- Audit is append-only for the app: admins of the org read it, anyone records events of their own
-- context (a null org is a platform event), nobody updates or deletes.
GRANT SELECT, INSERT ON audit_events TO patentrack_app;
CREATE POLICY audit_read ON audit_events FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'user' AND app_user_role() IN ('admin', 'super_admin')
         AND organization_id = app_current_org());
CREATE POLICY audit_insert ON audit_events FOR INSERT TO patentrack_app
  WITH CHECK (organization_id IS NOT DISTINCT FROM app_current_org());

-- Pipeline bookkeeping: a tenant reads its own runs; workers write them.
GRANT SELECT, INSERT, UPDATE, DELETE ON processing_jobs, processing_steps TO patentrack_app;
CREATE POLICY tenant_read ON processing_jobs FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'user' AND organization_id = app_current_org());
CREATE POLICY tenant_read ON processing_steps FOR SELECT TO patentrack_app
  USING (app_access_scope() = 'user' AND organization_id = app_current_org());

-- Ingestion bookkeeping: super admins only (§7.1).
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['data_sources', 'ingestion_files', 'ingestion_jobs', 'ingestion_errors',
                                    'ingestion_changes']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format($p$
      CREATE POLICY super_admin_read ON %I FOR SELECT TO patentrack_app
        USING (app_access_scope() = 'user' AND app_user_role() = 'super_admin')$p$, table_name);
  END LOOP;
END
$$;

-- Global reference lists: everyone reads, super admins write.
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['banks', 'law_firms']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format('CREATE POLICY public_read ON %I FOR SELECT TO patentrack_app USING (true)', table_name);
    EXECUTE format($p$
      CREATE POLICY super_admin_all ON %I FOR ALL TO patentrack_app
        USING (app_access_scope() = 'user' AND app_user_role() = 'super_admin')
        WITH CHECK (app_access_scope() = 'user' AND app_user_role() = 'super_admin')$p$, table_name);
  END LOOP;
END
$$;

-- §2: the default (definer) view would bypass RLS.
CREATE VIEW broken_title_chains WITH (security_invoker = true) AS
  SELECT * FROM asset_title_status WHERE status = 'broken';
GRANT SELECT ON broken_title_chains TO patentrack_app;

-- §7.6: entry points that run before any tenant context exists. Owned by patentrack_definer (BYPASSRLS)
-- with a pinned search_path; the app may execute them, nobody else.
GRANT SELECT ON users, share_links TO patentrack_definer;
GRANT SELECT, UPDATE ON user_tokens TO patentrack_definer;
GRANT UPDATE (use_count, last_accessed_at) ON share_links TO patentrack_definer;
GRANT INSERT ON share_access_logs TO patentrack_definer;

CREATE FUNCTION auth_find_user_by_email(p_email text)
  RETURNS TABLE (
    id uuid, organization_id uuid, password_hash text, role user_role, status user_status,
    mfa_enabled boolean, email_verified_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT u.id, u.organization_id, u.password_hash, u.role, u.status, u.mfa_enabled, u.email_verified_at
    FROM public.users u
    WHERE lower(u.email) = lower(p_email) AND u.deleted_at IS NULL
  $$;

-- Expiry, the attempt limit (BR-052: at most 5) and single use are checked in one conditional UPDATE.
CREATE FUNCTION auth_consume_token(p_token_hash text, p_purpose token_purpose)
  RETURNS TABLE (user_id uuid, organization_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    UPDATE public.user_tokens t
    SET used_at = now(), attempts = t.attempts + 1
    WHERE t.token_hash = p_token_hash AND t.purpose = p_purpose
      AND t.used_at IS NULL AND t.expires_at > now() AND t.attempts < 5
    RETURNING t.user_id, t.organization_id
  $$;

-- One conditional UPDATE counts the use, so concurrent redeems can never exceed max_uses. Every attempt
-- on a known code is logged with its outcome; an unknown code returns no row.
CREATE FUNCTION share_link_redeem(p_code text, p_ip inet, p_user_agent text)
  RETURNS TABLE (
    outcome share_access_outcome, share_link_id uuid, organization_id uuid, allow_diagram boolean,
    allow_asset_list boolean, allow_connections boolean, expires_at timestamptz)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  #variable_conflict use_column
  DECLARE
    link public.share_links%ROWTYPE;
    result public.share_access_outcome;
  BEGIN
    UPDATE public.share_links s
    SET use_count = s.use_count + 1, last_accessed_at = now()
    WHERE s.share_code = p_code
      AND s.revoked_at IS NULL
      AND (s.expires_at IS NULL OR s.expires_at > now())
      AND (s.max_uses IS NULL OR s.use_count < s.max_uses)
    RETURNING s.* INTO link;

    IF FOUND THEN
      result := 'granted';
    ELSE
      SELECT s.* INTO link FROM public.share_links s WHERE s.share_code = p_code;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      result := CASE
        WHEN link.revoked_at IS NOT NULL THEN 'revoked'
        WHEN link.expires_at IS NOT NULL AND link.expires_at <= now() THEN 'expired'
        ELSE 'exhausted'
      END;
    END IF;

    INSERT INTO public.share_access_logs (organization_id, share_link_id, ip_address, user_agent, outcome)
    VALUES (link.organization_id, link.id, p_ip, p_user_agent, result);

    RETURN QUERY SELECT result, link.id, link.organization_id, link.allow_diagram, link.allow_asset_list,
      link.allow_connections, link.expires_at;
  END
  $$;

DO $$
DECLARE
  definer_function regprocedure;
BEGIN
  FOREACH definer_function IN ARRAY ARRAY[
    'share_ok()'::regprocedure,
    'auth_find_user_by_email(text)'::regprocedure,
    'auth_consume_token(text, token_purpose)'::regprocedure,
    'share_link_redeem(text, inet, text)'::regprocedure]
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO patentrack_definer', definer_function);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', definer_function);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO patentrack_app', definer_function);
  END LOOP;
END
$$;
