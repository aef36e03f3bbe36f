-- A share viewer writes nothing (data-model §7.3, T3): audit inserts from the app are limited to the
-- user scope. Share access is recorded by share_link_redeem() in share_access_logs.
ALTER POLICY audit_insert ON audit_events
  WITH CHECK (app_access_scope() = 'user' AND organization_id IS NOT DISTINCT FROM app_current_org());
