-- patentrack:run-as superuser
-- Extensions and schema privileges; needs a superuser, everything after this runs as patentrack_owner.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO patentrack_owner;
-- A function's new owner needs CREATE on its schema.
GRANT USAGE, CREATE ON SCHEMA public TO patentrack_definer;
GRANT USAGE ON SCHEMA public TO patentrack_app, patentrack_worker;

-- Workers write everywhere (data-model §0); later migrations inherit this without repeating it.
ALTER DEFAULT PRIVILEGES FOR ROLE patentrack_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO patentrack_worker;
ALTER DEFAULT PRIVILEGES FOR ROLE patentrack_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO patentrack_worker;
