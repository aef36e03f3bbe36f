-- patentrack:run-as superuser
-- The four database roles of data-model §0. Roles are cluster-wide and many databases (tests) share one
-- cluster, so each is created only when missing and a concurrent creator is tolerated. No passwords:
-- authentication is configured outside the database.
DO $$
DECLARE
  role_spec record;
BEGIN
  FOR role_spec IN
    SELECT * FROM (VALUES
      ('patentrack_owner', 'LOGIN NOBYPASSRLS'),
      ('patentrack_app', 'LOGIN NOBYPASSRLS'),
      ('patentrack_worker', 'LOGIN BYPASSRLS'),
      ('patentrack_definer', 'NOLOGIN BYPASSRLS')
    ) AS r(name, attributes)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_spec.name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE %s', role_spec.name, role_spec.attributes);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;

  -- The owner creates the SECURITY DEFINER functions and hands them to patentrack_definer.
  IF NOT EXISTS (
    SELECT 1 FROM pg_auth_members m
    WHERE m.roleid = 'patentrack_definer'::regrole AND m.member = 'patentrack_owner'::regrole
  ) THEN
    BEGIN
      GRANT patentrack_definer TO patentrack_owner;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;
