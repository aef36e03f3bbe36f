-- Monthly CPC master-file swap (data-model §5.3). Only a table's owner may attach or detach partitions,
-- so the worker drives the swap through these two functions, which run as patentrack_owner:
--   1. cpc_snapshot_prepare(doc_type, id) creates the standalone leaf and returns its name;
--   2. the worker COPYs the month into it, without indexes;
--   3. cpc_snapshot_publish(doc_type, id) builds the indexes, adds the CHECK that lets ATTACH skip its
--      validation scan, and in the caller's transaction detaches the old leaf, attaches the new one and
--      drops the old one. Readers see the old month or the new one, never half of one.
CREATE FUNCTION cpc_snapshot_prepare(p_doc_type patent_doc_type, p_snapshot_id integer) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    leaf text := format('patent_cpc_codes_%s_s%s', p_doc_type, p_snapshot_id);
  BEGIN
    IF p_snapshot_id IS NULL OR p_snapshot_id <= 0 THEN
      RAISE EXCEPTION 'snapshot id must be positive, got %', p_snapshot_id USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(format('public.%I', leaf))) THEN
      RAISE EXCEPTION 'snapshot % of % is already published', p_snapshot_id, p_doc_type USING ERRCODE = '55000';
    END IF;
    -- Left over from an interrupted load of the same snapshot.
    EXECUTE format('DROP TABLE IF EXISTS public.%I', leaf);
    -- The default privileges of patentrack_owner give the worker its DML on the new table.
    EXECUTE format('CREATE TABLE public.%I (LIKE public.patent_cpc_codes INCLUDING DEFAULTS)', leaf);
    RETURN leaf;
  END
  $$;

CREATE FUNCTION cpc_snapshot_publish(p_doc_type patent_doc_type, p_snapshot_id integer) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    parent text := format('patent_cpc_codes_%s', p_doc_type);
    leaf text := format('patent_cpc_codes_%s_s%s', p_doc_type, p_snapshot_id);
    old_leaf regclass;
  BEGIN
    IF to_regclass(format('public.%I', leaf)) IS NULL THEN
      RAISE EXCEPTION 'snapshot % of % was not prepared', p_snapshot_id, p_doc_type USING ERRCODE = '55000';
    END IF;
    -- Built before the attach, which then adopts them instead of building its own.
    EXECUTE format('ALTER TABLE public.%I ADD PRIMARY KEY (doc_type, snapshot_id, doc_num, cpc_code)', leaf);
    EXECUTE format('CREATE INDEX ON public.%I (doc_num)', leaf);
    EXECUTE format('CREATE INDEX ON public.%I (cpc_code varchar_pattern_ops)', leaf);
    EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (doc_type = %L AND snapshot_id = %s)',
      leaf, leaf || '_snapshot_check', p_doc_type, p_snapshot_id);

    SELECT i.inhrelid::regclass INTO old_leaf FROM pg_inherits i WHERE i.inhparent = format('public.%I', parent)::regclass;
    IF old_leaf IS NOT NULL THEN
      EXECUTE format('ALTER TABLE public.%I DETACH PARTITION %s', parent, old_leaf);
    END IF;
    EXECUTE format('ALTER TABLE public.%I ATTACH PARTITION public.%I FOR VALUES IN (%s)', parent, leaf, p_snapshot_id);
    IF old_leaf IS NOT NULL THEN
      EXECUTE format('DROP TABLE %s', old_leaf);
    END IF;
  END
  $$;

REVOKE ALL ON FUNCTION cpc_snapshot_prepare(patent_doc_type, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION cpc_snapshot_publish(patent_doc_type, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpc_snapshot_prepare(patent_doc_type, integer) TO patentrack_worker;
GRANT EXECUTE ON FUNCTION cpc_snapshot_publish(patent_doc_type, integer) TO patentrack_worker;
