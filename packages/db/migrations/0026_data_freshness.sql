-- Home's freshness line ("data as of") is for every user, but ingestion bookkeeping is readable by super admins
-- only (data-model §7.1). This definer function discloses exactly one public fact: when the public data last
-- loaded successfully.
CREATE FUNCTION last_successful_ingestion()
  RETURNS timestamptz
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT max(completed_at) FROM public.ingestion_jobs WHERE status = 'success' $$;
GRANT SELECT ON ingestion_jobs TO patentrack_definer;
ALTER FUNCTION last_successful_ingestion() OWNER TO patentrack_definer;
REVOKE ALL ON FUNCTION last_successful_ingestion() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION last_successful_ingestion() TO patentrack_app;
