-- An incremental pipeline run starts from the rows its ingestion jobs wrote (`source_job_id`): found by index,
-- its cost follows the size of the change instead of the size of the table.
CREATE INDEX IF NOT EXISTS "assignments_source_job_id_idx" ON "assignments" ("source_job_id");
CREATE INDEX IF NOT EXISTS "patents_source_job_id_idx" ON "patents" ("source_job_id");
