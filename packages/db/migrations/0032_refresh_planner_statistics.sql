-- A pipeline run can write tens of thousands of rows into tables whose statistics still describe them as nearly
-- empty (a new organization's first run, a rebuild); until autovacuum catches up, the next statements are planned
-- as if each returned one row (nested loops over thousands of rows: seconds instead of milliseconds). The worker
-- refreshes the statistics of the tables it just rewrote. ANALYZE needs the table owner, so this definer function
-- allows it for exactly the membership and derived tables.
CREATE FUNCTION refresh_planner_statistics(table_name text)
  RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF table_name NOT IN ('assets', 'company_assets', 'ownership_tree_nodes', 'company_transaction_activities',
                        'timeline_entries', 'asset_title_status', 'dashboard_items', 'dashboard_item_counts',
                        'summary_metrics', 'asset_diagrams') THEN
    RAISE EXCEPTION 'refresh_planner_statistics: % is not a pipeline table', table_name;
  END IF;
  EXECUTE format('ANALYZE public.%I', table_name);
END
$$;
ALTER FUNCTION refresh_planner_statistics(text) OWNER TO patentrack_owner;
REVOKE ALL ON FUNCTION refresh_planner_statistics(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_planner_statistics(text) TO patentrack_worker;
