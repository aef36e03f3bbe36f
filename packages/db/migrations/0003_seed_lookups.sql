-- Lookup seeds owned by the business rules. Runs before RLS is enabled on data_sources (0004).

-- Conveyance types (business-rules D-1): priority is BR-012, colour/box/category BR-031 (D-17).
-- is_ota marks the ownership-transferring types, i.e. the default chain link types (D-2).
INSERT INTO conveyance_types (convey_ty, display_name, source_kind, priority, color, box_type, category, is_ota) VALUES
  ('correct',           'Correction',         'classifier',    1,    '#E60000', 'Ownership', 'Correct',    false),
  ('employee',          'Employee',           'classifier',    2,    '#E60000', 'Ownership', 'Ownership',  true),
  ('govern',            'Government',         'classifier',    3,    '#E60000', 'Ownership', 'Ownership',  false),
  ('merger',            'Merger',             'classifier',    4,    '#E60000', 'Ownership', 'Ownership',  true),
  ('namechg',           'Name Change',        'classifier',    5,    '#2493f2', 'Ownership', 'NameChange', true),
  ('license',           'License',            'classifier',    6,    '#E6E600', 'Licenses',  'License',    false),
  ('release',           'Release',            'classifier',    7,    '#70A800', 'Security',  'Release',    false),
  ('security',          'Security',           'classifier',    8,    '#ffaa00', 'Security',  'Security',   false),
  ('assignment',        'Assignment',         'classifier',    9,    '#E60000', 'Ownership', 'Ownership',  true),
  ('missing',           'Missing',            'classifier',    10,   '#E60000', 'Ownership', 'Ownership',  false),
  ('partialassignment', 'Partial Assignment', 'override_only', NULL, '#E60000', 'Ownership', 'Ownership',  true),
  ('option',            'Option',             'override_only', NULL, '#E60000', 'Ownership', 'Ownership',  false),
  ('courtorder',        'Court Order',        'override_only', NULL, '#E60000', 'Ownership', 'Ownership',  true),
  ('courtappointment',  'Court Appointment',  'override_only', NULL, '#E60000', 'Ownership', 'Ownership',  false),
  ('licenseend',        'License End',        'override_only', NULL, '#E6E600', 'Licenses',  'LicenseEnd', false),
  ('other',             'Other',              'override_only', NULL, '#E60000', 'Ownership', 'Ownership',  false);

-- Ownership-tree types 0–13 (business-rules §3, BR-024…031); tab 3 is the administrative tab.
INSERT INTO tree_types (code, key, display_name, tab, color, is_administrative) VALUES
  (0,  'employee',     'Employee',     0, '#E60000', false),
  (1,  'purchase',     'Purchase',     1, '#E60000', false),
  (2,  'sale',         'Sale',         1, '#E60000', false),
  (3,  'merger_in',    'Merger In',    1, '#E60000', false),
  (4,  'merger_out',   'Merger Out',   1, '#E60000', false),
  (5,  'security_out', 'Security Out', 2, '#ffaa00', false),
  (6,  'security_in',  'Security In',  2, '#ffaa00', false),
  (7,  'release_out',  'Release Out',  2, '#70A800', false),
  (8,  'release_in',   'Release In',   2, '#70A800', false),
  (9,  'name_change',  'Name Change',  3, '#2493f2', true),
  (10, 'government',   'Government',   3, '#E60000', true),
  (11, 'correction',   'Correction',   3, '#E60000', true),
  (12, 'missing',      'Missing',      3, '#E60000', true),
  (13, 'other',        'Other',        3, '#E60000', true);

-- Dashboard item types (business-rules §5.6): 0, 1, 18, 20, 30 are emitted; the rest are legacy, reserved.
INSERT INTO dashboard_item_types (code, key, display_name, category, is_emitted) VALUES
  (0,  'complete_chain',       'Complete chain',                 'chain',       true),
  (1,  'broken_chain',         'Broken chain',                   'chain',       true),
  (18, 'encumbrance',          'Encumbrance',                    'encumbrance', true),
  (20, 'law_firm',             'Law firm',                       'law_firm',    true),
  (30, 'bank_security',        'Bank security',                  'bank',        true),
  (28, 'legacy_asset_28',      'Asset category (legacy)',        'asset',       false),
  (29, 'legacy_asset_29',      'Asset category (legacy)',        'asset',       false),
  (31, 'legacy_unassigned',    'Unassigned (legacy)',            'asset',       false),
  (32, 'legacy_32',            'Reserved (legacy)',              'other',       false),
  (33, 'legacy_bank_33',       'Bank (legacy)',                  'bank',        false),
  (34, 'legacy_count_34',      'Count (legacy)',                 'other',       false),
  (35, 'legacy_bank_35',       'Bank (legacy)',                  'bank',        false),
  (36, 'legacy_bank_36',       'Bank (legacy)',                  'bank',        false),
  (37, 'legacy_count_37',      'Count (legacy)',                 'other',       false);

-- Transaction activity codes: the provisional seed of business-rules §5.7 (OQ-1). Legacy 11, 12, 13 and
-- 16 fold into group 5 (BR-038); other types are 100 + their tree type; licenseend shares 114 with license.
INSERT INTO activity_codes (activity_id, convey_ty, direction, group_id) VALUES
  (5,   'security',   NULL,  5),
  (6,   'release',    NULL,  6),
  (10,  'employee',   NULL,  10),
  (11,  NULL,         NULL,  5),
  (12,  NULL,         NULL,  5),
  (13,  NULL,         NULL,  5),
  (16,  NULL,         NULL,  5),
  (101, 'assignment', 'in',  101),
  (102, 'assignment', 'out', 102),
  (103, 'merger',     'in',  103),
  (104, 'merger',     'out', 104),
  (109, 'namechg',    NULL,  109),
  (110, 'govern',     NULL,  110),
  (111, 'correct',    NULL,  111),
  (112, 'missing',    NULL,  112),
  (113, 'other',      NULL,  113),
  (114, 'license',    NULL,  114);

-- Maintenance-fee event codes named in ingestion.md §3.5 and their regular siblings; the weekly
-- description file refreshes `description`, never the hand-curated `effect`.
INSERT INTO maintenance_fee_event_codes (event_code, description, effect) VALUES
  ('M1551', 'Payment of Maintenance Fee, 4th Year, Large Entity',  'payment_4'),
  ('M1552', 'Payment of Maintenance Fee, 8th Year, Large Entity',  'payment_8'),
  ('M1553', 'Payment of Maintenance Fee, 12th Year, Large Entity', 'payment_12'),
  ('M2551', 'Payment of Maintenance Fee, 4th Year, Small Entity',  'payment_4'),
  ('M2552', 'Payment of Maintenance Fee, 8th Year, Small Entity',  'payment_8'),
  ('M2553', 'Payment of Maintenance Fee, 12th Year, Small Entity', 'payment_12'),
  ('M3551', 'Payment of Maintenance Fee, 4th Year, Micro Entity',  'payment_4'),
  ('M3552', 'Payment of Maintenance Fee, 8th Year, Micro Entity',  'payment_8'),
  ('M3553', 'Payment of Maintenance Fee, 12th Year, Micro Entity', 'payment_12'),
  ('M170',  'Payment of Maintenance Fee, 4th Year, PL 96-517',     'payment_4'),
  ('M171',  'Payment of Maintenance Fee, 8th Year, PL 96-517',     'payment_8'),
  ('EXP.',  'Patent Expired for Failure to Pay Maintenance Fees',  'expiry'),
  ('EXPX',  'Patent Reinstated After Maintenance Fee Payment Confirmed', 'reinstatement'),
  ('REM.',  'Maintenance Fee Reminder Mailed',                     'reminder'),
  ('ASPN',  'Payor Number Assigned',                               'other'),
  ('RMPN',  'Payer Number De-assigned',                            'other'),
  ('SM02',  'Patent Holder No Longer Claims Small Entity Status',  'entity_status');

-- One row per feed (ingestion.md §1); freshness thresholds from ingestion.md §5.3 in hours.
INSERT INTO data_sources
  (key, display_name, source_type, schedule_type, schedule_cron, product_id, file_pattern, format,
   freshness_warn_hours, freshness_critical_hours) VALUES
  ('uspto_assignments_daily', 'USPTO patent assignments (daily)', 'bulk_file', 'daily', '0 2,14 * * *',
   'PASDL', '^ad\d{8}\.zip$', 'xml', 36, 72),
  ('uspto_grants_biblio_weekly', 'USPTO grant bibliographic (weekly)', 'bulk_file', 'weekly', '0 4 * * 2',
   'PTBLXML', '^ipgb\d{8}_wk\d{2}\.zip$', 'xml', 240, 408),
  ('uspto_applications_biblio_weekly', 'USPTO application bibliographic (weekly)', 'bulk_file', 'weekly',
   '0 4 * * 4', 'APPBLXML', '^ipab\d{8}_wk\d{2}\.zip$', 'xml', 240, 408),
  ('uspto_cpc_grant_mcf', 'USPTO CPC master classification, grants (monthly)', 'bulk_file', 'monthly',
   '0 3 1 * *', 'CPCMCPT', '^US_Grant_CPC_MCF_XML_\d{4}-\d{2}-\d{2}\.zip$', 'xml', 1080, 1800),
  ('uspto_cpc_application_mcf', 'USPTO CPC master classification, applications (monthly)', 'bulk_file',
   'monthly', '0 3 1 * *', 'CPCMCAPP', '^US_PGPub_CPC_MCF_XML_\d{4}-\d{2}-\d{2}\.zip$', 'xml', 1080, 1800),
  ('cpc_scheme', 'CPC scheme', 'bulk_file', 'monthly', '30 3 1 * *', NULL, '^CPCSchemeXML\d{6}\.zip$', 'xml',
   3600, 5760),
  ('uspto_maintenance_fees_weekly', 'USPTO maintenance fee events (weekly, cumulative)', 'bulk_file', 'weekly',
   '0 5 * * 3', 'PTMNFEE2', '^MaintFeeEvents_\d{8}\.zip$', 'fixed_width', 240, 408),
  ('epo_ops_family', 'EPO OPS patent families', 'on_demand_api', 'daily', '0 6 * * *', NULL, NULL, 'xml', 36, 72),
  ('enrichment_company', 'Company logo and domain enrichment', 'on_demand_api', 'on_demand', NULL, NULL, NULL,
   'json', NULL, NULL);
