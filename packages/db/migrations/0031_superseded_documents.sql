-- A re-recorded assignment replaces its document rows. A number it no longer names loses that transaction from
-- its `T(a)` (and maybe its membership), so the incremental pipeline run of the job that replaced the rows must
-- reconsider it: the numbers are kept here, by job, after the rows themselves are gone.
CREATE TABLE "superseded_documents" (
	"source_job_id" uuid NOT NULL REFERENCES "ingestion_jobs" ("id") ON DELETE CASCADE,
	"rf_id" varchar(16) NOT NULL,
	"appno_doc_num" varchar(12),
	"grant_doc_num" varchar(12)
);
CREATE INDEX "superseded_documents_source_job_id_idx" ON "superseded_documents" ("source_job_id");
