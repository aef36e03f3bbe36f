-- One snapshot id per monthly CPC master-file load (ingestion.md §3.4 b). Ids start above the seeded empty
-- leaf (snapshot 0); the worker draws them through the default sequence privileges of 0001.
CREATE SEQUENCE cpc_snapshot_id_seq AS integer START WITH 1 MINVALUE 1;
