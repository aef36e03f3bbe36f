-- The worker renders the PDF dashboard report (#55) with the Home summary, whose "data as of" line comes from
-- last_successful_ingestion() (0026); the worker may call it as the app role does.
GRANT EXECUTE ON FUNCTION last_successful_ingestion() TO patentrack_worker;
