-- OAuth sign-in identities and the approval of self-registered organizations.

-- OAuth sign-in (product.md #8, #9) finds the account of a provider identity before any tenant context exists,
-- like auth_find_user_by_email (data-model §7.6): a definer function exposing only the credential row.
CREATE FUNCTION auth_find_user_by_identity(p_provider identity_provider, p_provider_account_id text)
  RETURNS TABLE (
    id uuid, organization_id uuid, password_hash text, role user_role, status user_status,
    mfa_enabled boolean, email_verified_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT u.id, u.organization_id, u.password_hash, u.role, u.status, u.mfa_enabled, u.email_verified_at
    FROM public.user_identities i
    JOIN public.users u ON u.id = i.user_id AND u.organization_id = i.organization_id
    WHERE i.provider = p_provider AND i.provider_account_id = p_provider_account_id AND u.deleted_at IS NULL
  $$;
GRANT SELECT ON user_identities TO patentrack_definer;
ALTER FUNCTION auth_find_user_by_identity(identity_provider, text) OWNER TO patentrack_definer;
REVOKE ALL ON FUNCTION auth_find_user_by_identity(identity_provider, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user_by_identity(identity_provider, text) TO patentrack_app;

-- An organization named at self-service sign-up (product.md #4) stays `provisioning` with no data and no pipeline
-- until a super admin approves it; onboarded organizations (#74) never wait.
ALTER TABLE organizations ADD COLUMN awaiting_approval boolean NOT NULL DEFAULT false;
