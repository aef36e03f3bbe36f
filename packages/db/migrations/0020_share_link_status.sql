-- Status of the share link of the current share:read context, for the viewer API to answer 410 with the
-- reason (BR-046) after revocation or expiry, when the share_read policies already hide the link itself.
-- It takes no argument: a viewer learns only about its own link, and nothing in any other context.
CREATE FUNCTION share_link_status()
  RETURNS TABLE (revoked_at timestamptz, expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT s.revoked_at, s.expires_at
    FROM public.share_links s
    WHERE public.app_access_scope() = 'share:read'
      AND s.id = public.app_share_link_id()
      AND s.organization_id = public.app_current_org()
  $$;

ALTER FUNCTION share_link_status() OWNER TO patentrack_definer;
REVOKE ALL ON FUNCTION share_link_status() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION share_link_status() TO patentrack_app;
