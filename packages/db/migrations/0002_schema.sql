-- Tables, enums, keys and indexes of data-model.md §1–§4, rendered from the Drizzle schema
-- (src/schema) and edited: HASH/LIST partitioning (§5), NULLS NOT DISTINCT on a partial unique index,
-- and the deferrable CPC parent FK, none of which Drizzle can express.
CREATE TYPE "public"."conveyance_source_kind" AS ENUM('classifier', 'override_only');
CREATE TYPE "public"."dashboard_category" AS ENUM('chain', 'encumbrance', 'law_firm', 'bank', 'asset', 'other');
CREATE TYPE "public"."activity_direction" AS ENUM('in', 'out');
CREATE TYPE "public"."maintenance_fee_effect" AS ENUM('payment_4', 'payment_8', 'payment_12', 'surcharge', 'expiry', 'reinstatement', 'reminder', 'entity_status', 'refund', 'other');
CREATE TYPE "public"."maintenance_status" AS ENUM('unknown', 'paid', 'due', 'surcharge', 'expired');
CREATE TYPE "public"."assignment_status" AS ENUM('active', 'void');
CREATE TYPE "public"."conveyance_source" AS ENUM('override', 'keyword', 'inventor_match');
CREATE TYPE "public"."patent_doc_type" AS ENUM('application', 'grant');
CREATE TYPE "public"."family_lookup_outcome" AS ENUM('found', 'not_found', 'error');
CREATE TYPE "public"."family_type" AS ENUM('simple', 'extended');
CREATE TYPE "public"."party_role" AS ENUM('assignor', 'assignee');
CREATE TYPE "public"."timeline_category" AS ENUM('employee', 'ownership', 'security', 'administrative', 'license');
CREATE TYPE "public"."title_break_reason" AS ENUM('chain_gap', 'no_transactions', 'no_inventor_start', 'not_current_owner');
CREATE TYPE "public"."title_status" AS ENUM('complete', 'broken', 'divested');
CREATE TYPE "public"."environment_mode" AS ENUM('PRO', 'KPI', 'DASHBOARD', 'SAMPLE', 'SAMPLE-1', 'STANDARD');
CREATE TYPE "public"."organization_status" AS ENUM('provisioning', 'active', 'trial', 'suspended', 'cancelled');
CREATE TYPE "public"."identity_provider" AS ENUM('google', 'microsoft');
CREATE TYPE "public"."token_purpose" AS ENUM('email_verify', 'password_reset', 'invite');
CREATE TYPE "public"."user_role" AS ENUM('member', 'admin', 'super_admin');
CREATE TYPE "public"."user_status" AS ENUM('pending', 'active', 'inactive', 'locked');
CREATE TYPE "public"."enrichment_status" AS ENUM('pending', 'enriched', 'failed', 'skipped');
CREATE TYPE "public"."membership_source" AS ENUM('auto', 'manual');
CREATE TYPE "public"."share_access_outcome" AS ENUM('granted', 'expired', 'exhausted', 'revoked');
CREATE TYPE "public"."audit_actor_type" AS ENUM('user', 'share', 'system', 'worker');
CREATE TYPE "public"."activity_subject_type" AS ENUM('patent', 'entity', 'transaction', 'asset', 'company');
CREATE TYPE "public"."collection_item_type" AS ENUM('patent', 'entity', 'asset');
CREATE TYPE "public"."collection_type" AS ENUM('patents', 'entities', 'mixed');
CREATE TYPE "public"."comment_resource_type" AS ENUM('patent', 'transaction', 'entity', 'asset', 'activity');
CREATE TYPE "public"."integration_provider" AS ENUM('slack', 'microsoft_teams', 'google_drive');
CREATE TYPE "public"."integration_status" AS ENUM('active', 'error', 'disabled');
CREATE TYPE "public"."change_key_type" AS ENUM('rf_id', 'appno', 'grant');
CREATE TYPE "public"."data_format" AS ENUM('xml', 'json', 'fixed_width', 'tsv');
CREATE TYPE "public"."data_source_type" AS ENUM('bulk_file', 'rest_api', 'on_demand_api');
CREATE TYPE "public"."error_class" AS ENUM('transient', 'permanent', 'rate_limit', 'auth', 'data');
CREATE TYPE "public"."error_severity" AS ENUM('error', 'warning');
CREATE TYPE "public"."ingestion_error_type" AS ENUM('parse', 'validation', 'constraint', 'foreign_key', 'duplicate', 'http', 'other');
CREATE TYPE "public"."ingestion_file_status" AS ENUM('discovered', 'downloading', 'downloaded', 'processing', 'processed', 'failed', 'skipped', 'superseded');
CREATE TYPE "public"."ingestion_trigger" AS ENUM('cron', 'manual', 'retry', 'backfill', 'on_demand');
CREATE TYPE "public"."job_status" AS ENUM('pending', 'running', 'success', 'partial', 'failed', 'skipped', 'cancelled');
CREATE TYPE "public"."schedule_type" AS ENUM('daily', 'weekly', 'monthly', 'on_demand');
CREATE TYPE "public"."pipeline_step" AS ENUM('classify', 'flag', 'tree', 'timeline', 'broken_title', 'dashboard', 'summary', 'generate_json');
CREATE TYPE "public"."processing_job_type" AS ENUM('incremental', 'full_rebuild', 'tree_rebuild', 'manual');
CREATE TYPE "public"."step_status" AS ENUM('pending', 'running', 'success', 'failed', 'skipped');
CREATE TABLE "conveyance_types" (
	"convey_ty" varchar(24) PRIMARY KEY NOT NULL,
	"display_name" varchar(100) NOT NULL,
	"source_kind" "conveyance_source_kind" NOT NULL,
	"priority" smallint,
	"color" char(7) NOT NULL,
	"box_type" varchar(20) NOT NULL,
	"category" varchar(20) NOT NULL,
	"is_ota" boolean DEFAULT false NOT NULL,
	CONSTRAINT "conveyance_types_priority_key" UNIQUE("priority")
);

CREATE TABLE "tree_types" (
	"code" smallint PRIMARY KEY NOT NULL,
	"key" varchar(40) NOT NULL,
	"display_name" varchar(100) NOT NULL,
	"tab" smallint NOT NULL,
	"color" char(7) NOT NULL,
	"is_administrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "tree_types_key_key" UNIQUE("key")
);

CREATE TABLE "dashboard_item_types" (
	"code" smallint PRIMARY KEY NOT NULL,
	"key" varchar(40) NOT NULL,
	"display_name" varchar(100) NOT NULL,
	"category" "dashboard_category" NOT NULL,
	"is_emitted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "dashboard_item_types_key_key" UNIQUE("key")
);

CREATE TABLE "activity_codes" (
	"activity_id" smallint PRIMARY KEY NOT NULL,
	"convey_ty" varchar(24),
	"direction" "activity_direction",
	"group_id" smallint
);

CREATE TABLE "maintenance_fee_event_codes" (
	"event_code" varchar(8) PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"effect" "maintenance_fee_effect" DEFAULT 'other' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "banks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(500) NOT NULL,
	"name_key" varchar(500) NOT NULL,
	"representative_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "banks_name_key_key" UNIQUE("name_key")
);

CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(500) NOT NULL,
	"name_key" varchar(500) NOT NULL,
	"representative_id" uuid,
	"instances" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_name_key_key" UNIQUE("name_key")
);

CREATE TABLE "law_firms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(500) NOT NULL,
	"name_key" varchar(500) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "law_firms_name_key_key" UNIQUE("name_key")
);

CREATE TABLE "representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"representative_name" varchar(500) NOT NULL,
	"name_key" varchar(500) NOT NULL,
	"total_instances" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "representatives_name_key_key" UNIQUE("name_key")
);

CREATE TABLE "patents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appno_doc_num" varchar(12),
	"appno_date" date,
	"application_type" varchar(12),
	"pgpub_doc_num" varchar(12),
	"pgpub_date" date,
	"grant_doc_num" varchar(12),
	"grant_date" date,
	"grant_kind" varchar(3),
	"title" text,
	"assignee_entity_ids" uuid[],
	"title_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, ''))) STORED,
	"claims_count" smallint,
	"maintenance_status" "maintenance_status" DEFAULT 'unknown' NOT NULL,
	"layout_id" smallint GENERATED ALWAYS AS (CASE WHEN grant_doc_num IS NULL THEN 14 ELSE 15 END) STORED,
	"source_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patents_appno_doc_num_key" UNIQUE("appno_doc_num"),
	CONSTRAINT "patents_grant_doc_num_key" UNIQUE("grant_doc_num"),
	CONSTRAINT "patents_number_present" CHECK ("patents"."appno_doc_num" IS NOT NULL OR "patents"."grant_doc_num" IS NOT NULL)
);

CREATE TABLE "assignees" (
	"rf_id" varchar(16) NOT NULL,
	"seq" smallint NOT NULL,
	"entity_id" uuid NOT NULL,
	"ee_name" varchar(500) NOT NULL,
	"ee_address_1" varchar(500),
	"ee_address_2" varchar(500),
	"ee_city" varchar(200),
	"ee_state" varchar(100),
	"ee_postcode" varchar(50),
	"ee_country" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignees_pkey" PRIMARY KEY("rf_id","seq")
) PARTITION BY HASH ("rf_id");
CREATE TABLE "assignees_p00" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE "assignees_p01" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE "assignees_p02" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE "assignees_p03" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE "assignees_p04" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE "assignees_p05" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE "assignees_p06" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE "assignees_p07" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE "assignees_p08" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE "assignees_p09" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE "assignees_p10" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE "assignees_p11" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE "assignees_p12" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE "assignees_p13" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE "assignees_p14" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE "assignees_p15" PARTITION OF "assignees" FOR VALUES WITH (MODULUS 16, REMAINDER 15);

CREATE TABLE "assignment_conveyances" (
	"rf_id" varchar(16) PRIMARY KEY NOT NULL,
	"keyword_convey_ty" varchar(24),
	"convey_ty" varchar(24) NOT NULL,
	"employer_assign" boolean DEFAULT false NOT NULL,
	"source" "conveyance_source" NOT NULL,
	"matched_keyword" varchar(50),
	"matched_names" text[],
	"rules_version" smallint NOT NULL,
	"classified_at" timestamp with time zone DEFAULT now() NOT NULL
) PARTITION BY HASH ("rf_id");
CREATE TABLE "assignment_conveyances_p00" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE "assignment_conveyances_p01" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE "assignment_conveyances_p02" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE "assignment_conveyances_p03" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE "assignment_conveyances_p04" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE "assignment_conveyances_p05" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE "assignment_conveyances_p06" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE "assignment_conveyances_p07" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE "assignment_conveyances_p08" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE "assignment_conveyances_p09" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE "assignment_conveyances_p10" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE "assignment_conveyances_p11" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE "assignment_conveyances_p12" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE "assignment_conveyances_p13" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE "assignment_conveyances_p14" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE "assignment_conveyances_p15" PARTITION OF "assignment_conveyances" FOR VALUES WITH (MODULUS 16, REMAINDER 15);

CREATE TABLE "assignments" (
	"rf_id" varchar(16) PRIMARY KEY NOT NULL,
	"reel_no" integer NOT NULL,
	"frame_no" integer NOT NULL,
	"convey_text" text,
	"record_dt" date,
	"exec_dt" date,
	"last_update_dt" date,
	"page_count" integer,
	"cname" varchar(500),
	"caddress_1" varchar(500),
	"caddress_2" varchar(500),
	"caddress_3" varchar(500),
	"caddress_4" varchar(500),
	"status" "assignment_status" DEFAULT 'active' NOT NULL,
	"record_hash" char(64) NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
) PARTITION BY HASH ("rf_id");
CREATE TABLE "assignments_p00" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE "assignments_p01" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE "assignments_p02" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE "assignments_p03" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE "assignments_p04" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE "assignments_p05" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE "assignments_p06" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE "assignments_p07" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE "assignments_p08" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE "assignments_p09" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE "assignments_p10" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE "assignments_p11" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE "assignments_p12" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE "assignments_p13" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE "assignments_p14" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE "assignments_p15" PARTITION OF "assignments" FOR VALUES WITH (MODULUS 16, REMAINDER 15);

CREATE TABLE "assignors" (
	"rf_id" varchar(16) NOT NULL,
	"seq" smallint NOT NULL,
	"entity_id" uuid NOT NULL,
	"or_name" varchar(500) NOT NULL,
	"exec_dt" date,
	"ack_dt" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignors_pkey" PRIMARY KEY("rf_id","seq")
) PARTITION BY HASH ("rf_id");
CREATE TABLE "assignors_p00" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE "assignors_p01" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE "assignors_p02" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE "assignors_p03" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE "assignors_p04" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE "assignors_p05" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE "assignors_p06" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE "assignors_p07" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE "assignors_p08" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE "assignors_p09" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE "assignors_p10" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE "assignors_p11" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE "assignors_p12" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE "assignors_p13" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE "assignors_p14" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE "assignors_p15" PARTITION OF "assignors" FOR VALUES WITH (MODULUS 16, REMAINDER 15);

CREATE TABLE "conveyance_overrides" (
	"rf_id" varchar(16) PRIMARY KEY NOT NULL,
	"convey_ty" varchar(24) NOT NULL,
	"employer_assign" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "document_ids" (
	"rf_id" varchar(16) NOT NULL,
	"property_seq" smallint NOT NULL,
	"appno_doc_num" varchar(12),
	"appno_date" date,
	"appno_country" char(2),
	"pgpub_doc_num" varchar(12),
	"pgpub_date" date,
	"pgpub_country" char(2),
	"grant_doc_num" varchar(12),
	"grant_date" date,
	"grant_country" char(2),
	"grant_kind" varchar(3),
	"title" text,
	"title_lang" varchar(8),
	CONSTRAINT "document_ids_pkey" PRIMARY KEY("rf_id","property_seq"),
	CONSTRAINT "document_ids_number_present" CHECK ("document_ids"."appno_doc_num" IS NOT NULL OR "document_ids"."pgpub_doc_num" IS NOT NULL OR "document_ids"."grant_doc_num" IS NOT NULL)
) PARTITION BY HASH ("rf_id");
CREATE TABLE "document_ids_p00" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE "document_ids_p01" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE "document_ids_p02" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE "document_ids_p03" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE "document_ids_p04" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE "document_ids_p05" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE "document_ids_p06" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE "document_ids_p07" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE "document_ids_p08" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE "document_ids_p09" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE "document_ids_p10" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE "document_ids_p11" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE "document_ids_p12" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE "document_ids_p13" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE "document_ids_p14" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE "document_ids_p15" PARTITION OF "document_ids" FOR VALUES WITH (MODULUS 16, REMAINDER 15);

CREATE TABLE "inventors" (
	"doc_type" "patent_doc_type" NOT NULL,
	"doc_num" varchar(12) NOT NULL,
	"sequence" smallint NOT NULL,
	"name" varchar(500) NOT NULL,
	"given_name" varchar(200),
	"family_name" varchar(200),
	"middle_name" varchar(200),
	"canonical_name" varchar(500),
	"city" varchar(200),
	"state" varchar(100),
	"country" varchar(100),
	"entity_id" uuid,
	"source_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventors_pkey" PRIMARY KEY("doc_type","doc_num","sequence")
);

CREATE TABLE "cpc_classifications" (
	"cpc_code" varchar(20) PRIMARY KEY NOT NULL,
	"section" char(1) NOT NULL,
	"class_code" char(2),
	"subclass" char(1),
	"main_group" varchar(4),
	"subgroup" varchar(6),
	"parent_code" varchar(20),
	"level" smallint NOT NULL,
	"title" text,
	"scheme_version" varchar(10) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"not_allocatable" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpc_classifications_level_check" CHECK ("cpc_classifications"."level" >= 1)
);

CREATE TABLE "patent_cpc_codes" (
	"doc_type" "patent_doc_type" NOT NULL,
	"doc_num" varchar(12) NOT NULL,
	"pgpub_doc_num" varchar(12),
	"cpc_code" varchar(20) NOT NULL,
	"symbol_position" char(1),
	"classification_value" char(1),
	"version_date" date,
	"snapshot_id" integer NOT NULL,
	CONSTRAINT "patent_cpc_codes_pkey" PRIMARY KEY("doc_type","snapshot_id","doc_num","cpc_code")
) PARTITION BY LIST ("doc_type");
CREATE TABLE "patent_cpc_codes_grant" PARTITION OF "patent_cpc_codes" FOR VALUES IN ('grant') PARTITION BY LIST ("snapshot_id");
CREATE TABLE "patent_cpc_codes_application" PARTITION OF "patent_cpc_codes" FOR VALUES IN ('application') PARTITION BY LIST ("snapshot_id");
-- Snapshot 0 is the empty leaf until the first monthly load swaps in a real one (data-model §5.3).
CREATE TABLE "patent_cpc_codes_grant_s0" PARTITION OF "patent_cpc_codes_grant" FOR VALUES IN (0);
CREATE TABLE "patent_cpc_codes_application_s0" PARTITION OF "patent_cpc_codes_application" FOR VALUES IN (0);

CREATE TABLE "maintenance_fee_events" (
	"grant_doc_num" varchar(12) NOT NULL,
	"event_date" date NOT NULL,
	"event_code" varchar(8) NOT NULL,
	"appno_doc_num" varchar(12),
	"entity_status" char(1),
	"filing_date" date,
	"grant_date" date,
	"fee_amount" numeric(10, 2),
	"source_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_fee_events_pkey" PRIMARY KEY("grant_doc_num","event_date","event_code")
);

CREATE TABLE "patent_families" (
	"family_id" varchar(20) PRIMARY KEY NOT NULL,
	"family_type" "family_type" DEFAULT 'simple' NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "patent_family_lookups" (
	"query_ref" varchar(40) PRIMARY KEY NOT NULL,
	"patent_id" uuid,
	"outcome" "family_lookup_outcome" NOT NULL,
	"family_ids" text[] DEFAULT '{}' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_refresh_at" timestamp with time zone NOT NULL,
	"error_message" text
);

CREATE TABLE "patent_family_members" (
	"family_id" varchar(20) NOT NULL,
	"country" char(2) NOT NULL,
	"doc_number" varchar(20) NOT NULL,
	"canonical_doc_num" varchar(12),
	"kind_code" varchar(4) NOT NULL,
	"publication_date" date,
	"appl_country" char(2),
	"appl_doc_number" varchar(20),
	"appl_kind" varchar(4),
	"appl_date" date,
	CONSTRAINT "patent_family_members_pkey" PRIMARY KEY("family_id","country","doc_number","kind_code")
);

CREATE TABLE "ownership_tree_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"company_id" uuid,
	"entity_id" uuid NOT NULL,
	"name" varchar(500) NOT NULL,
	"parent_id" uuid,
	"tree_type" smallint NOT NULL,
	"tree_tab" smallint NOT NULL,
	"color" char(7) NOT NULL,
	"depth" smallint DEFAULT 0 NOT NULL,
	"transaction_rf_ids" text[] DEFAULT '{}' NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ownership_tree_nodes_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "ownership_tree_nodes_name_key" UNIQUE NULLS NOT DISTINCT("organization_id","company_id","tree_type","name"),
	CONSTRAINT "ownership_tree_nodes_tree_tab_check" CHECK ("ownership_tree_nodes"."tree_tab" BETWEEN 0 AND 3)
);

CREATE TABLE "company_transaction_activities" (
	"organization_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"rf_id" varchar(16) NOT NULL,
	"party_entity_id" uuid NOT NULL,
	"activity_id" smallint NOT NULL,
	"recorded_entity_id" uuid,
	"release_rf_id" varchar(16),
	CONSTRAINT "company_transaction_activities_pkey" PRIMARY KEY("organization_id","company_id","rf_id","party_entity_id")
);

CREATE TABLE "timeline_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"rf_id" varchar(16) NOT NULL,
	"reel_no" integer NOT NULL,
	"frame_no" integer NOT NULL,
	"record_dt" date,
	"exec_dt" date,
	"party_role" "party_role" NOT NULL,
	"original_name" varchar(500) NOT NULL,
	"entity_id" uuid NOT NULL,
	"convey_ty" varchar(24) NOT NULL,
	"employer_assign" boolean DEFAULT false NOT NULL,
	"category" timeline_category NOT NULL,
	"sequence" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_entries_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "timeline_entries_party_key" UNIQUE("organization_id","company_id","rf_id","party_role","entity_id")
);

CREATE TABLE "asset_title_status" (
	"organization_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"appno_doc_num" varchar(12),
	"grant_doc_num" varchar(12),
	"status" "title_status" NOT NULL,
	"reason" "title_break_reason",
	"break_rf_id" varchar(16),
	"expected_holder_keys" uuid[] DEFAULT '{}' NOT NULL,
	"actual_assignor_keys" uuid[] DEFAULT '{}' NOT NULL,
	"final_holder_keys" uuid[] DEFAULT '{}' NOT NULL,
	"has_employee_start" boolean DEFAULT false NOT NULL,
	"employee_link_count" integer DEFAULT 0 NOT NULL,
	"chain_rf_ids" text[] DEFAULT '{}' NOT NULL,
	"encumbered" boolean DEFAULT false NOT NULL,
	"open_security_rf_ids" text[] DEFAULT '{}' NOT NULL,
	"display_status" varchar(20) NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_title_status_key" UNIQUE("organization_id","company_id","asset_id")
);

CREATE TABLE "dashboard_item_counts" (
	"organization_id" uuid NOT NULL,
	"company_id" uuid,
	"type" smallint NOT NULL,
	"number" integer NOT NULL,
	"other_number" integer,
	"total" integer NOT NULL,
	"other" text,
	CONSTRAINT "dashboard_item_counts_key" UNIQUE NULLS NOT DISTINCT("organization_id","company_id","type")
);

CREATE TABLE "dashboard_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"company_id" uuid,
	"entity_id" uuid,
	"type" smallint NOT NULL,
	"asset_id" uuid,
	"patent" varchar(12),
	"application" varchar(12),
	"rf_id" varchar(16),
	"total" integer DEFAULT 0 NOT NULL,
	"lawfirm" varchar(500),
	"lawfirm_id" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dashboard_items_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "summary_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"company_id" uuid,
	"company_count" integer DEFAULT 0 NOT NULL,
	"activity_count" integer DEFAULT 0 NOT NULL,
	"entity_count" integer DEFAULT 0 NOT NULL,
	"party_count" integer DEFAULT 0 NOT NULL,
	"employee_count" integer DEFAULT 0 NOT NULL,
	"transaction_count" integer DEFAULT 0 NOT NULL,
	"asset_count" integer DEFAULT 0 NOT NULL,
	"arrow_count" integer DEFAULT 0 NOT NULL,
	"complete_chain_count" integer DEFAULT 0 NOT NULL,
	"broken_chain_count" integer DEFAULT 0 NOT NULL,
	"divested_count" integer DEFAULT 0 NOT NULL,
	"encumbrance_count" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"calculated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "summary_metrics_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "summary_metrics_company_key" UNIQUE NULLS NOT DISTINCT("organization_id","company_id")
);

CREATE TABLE "asset_diagrams" (
	"organization_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"company_id" uuid,
	"appno_doc_num" varchar(12),
	"grant_doc_num" varchar(12),
	"schema_version" smallint NOT NULL,
	"diagram" jsonb NOT NULL,
	"input_hash" char(64) NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_diagrams_pkey" PRIMARY KEY("organization_id","asset_id")
);

CREATE TABLE "customer_configurations" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"environment_mode" "environment_mode" DEFAULT 'PRO' NOT NULL,
	"feature_flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ui_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"filter_app_year_after" smallint DEFAULT 1999 NOT NULL,
	"filter_layout_id" smallint DEFAULT 15,
	"rules_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"api_limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"status" "organization_status" DEFAULT 'active' NOT NULL,
	"trial_ends_at" timestamp with time zone,
	"representative_id" uuid,
	"logo_object_key" varchar(500),
	"domain" varchar(255),
	"legacy_org_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);

CREATE TABLE "user_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" "identity_provider" NOT NULL,
	"provider_account_id" varchar(255) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_identities_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "user_identities_provider_account_key" UNIQUE("provider","provider_account_id")
);

CREATE TABLE "user_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" char(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_tokens_token_hash_key" UNIQUE("token_hash"),
	CONSTRAINT "user_tokens_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" varchar(320) NOT NULL,
	"username" varchar(255),
	"password_hash" text,
	"first_name" varchar(100),
	"last_name" varchar(100),
	"role" "user_role" DEFAULT 'member' NOT NULL,
	"status" "user_status" DEFAULT 'pending' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"mfa_enabled" boolean DEFAULT false NOT NULL,
	"mfa_secret_encrypted" text,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_login_at" timestamp with time zone,
	"legacy_user_id" integer,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "users_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"patent_id" uuid,
	"appno_doc_num" varchar(12),
	"grant_doc_num" varchar(12),
	"appno_date" date,
	"layout_id" smallint DEFAULT 15 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "assets_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "assets_number_present" CHECK ("assets"."appno_doc_num" IS NOT NULL OR "assets"."grant_doc_num" IS NOT NULL),
	CONSTRAINT "assets_layout_id_check" CHECK ("assets"."layout_id" IN (14, 15))
);

CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"representative_id" uuid,
	"parent_id" uuid,
	"is_group" boolean DEFAULT false NOT NULL,
	"name" varchar(500) NOT NULL,
	"original_name" varchar(500),
	"name_key" varchar(500) NOT NULL,
	"instances" integer,
	"domain" varchar(255),
	"logo_object_key" varchar(500),
	"enrichment_status" "enrichment_status" DEFAULT 'pending' NOT NULL,
	"enriched_at" timestamp with time zone,
	"enrichment_data" jsonb,
	"legacy_company_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "companies_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "company_assets" (
	"organization_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"source" "membership_source" NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_assets_pkey" PRIMARY KEY("organization_id","company_id","asset_id")
);

CREATE TABLE "org_entity_overrides" (
	"organization_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"representative_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_entity_overrides_pkey" PRIMARY KEY("organization_id","entity_id")
);

CREATE TABLE "share_access_logs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "share_access_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"share_link_id" uuid NOT NULL,
	"ip_address" "inet" NOT NULL,
	"user_agent" text,
	"outcome" "share_access_outcome" NOT NULL,
	"accessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_access_logs_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "share_link_assets" (
	"organization_id" uuid NOT NULL,
	"share_link_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "share_link_assets_pkey" PRIMARY KEY("share_link_id","asset_id")
);

CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"share_code" varchar(32) NOT NULL,
	"name" varchar(255) NOT NULL,
	"created_by" uuid,
	"allow_diagram" boolean DEFAULT true NOT NULL,
	"allow_asset_list" boolean DEFAULT true NOT NULL,
	"allow_connections" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"max_uses" integer,
	"use_count" integer DEFAULT 0 NOT NULL,
	"last_accessed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_links_share_code_key" UNIQUE("share_code"),
	CONSTRAINT "share_links_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "share_links_max_uses_check" CHECK ("share_links"."max_uses" IS NULL OR "share_links"."max_uses" > 0),
	CONSTRAINT "share_links_use_count_check" CHECK ("share_links"."max_uses" IS NULL OR "share_links"."use_count" <= "share_links"."max_uses")
);

CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"actor_type" "audit_actor_type" NOT NULL,
	"actor_user_id" uuid,
	"actor_share_link_id" uuid,
	"action" varchar(100) NOT NULL,
	"target_type" varchar(50),
	"target_id" varchar(255),
	"ip_address" "inet",
	"user_agent" text,
	"request_id" varchar(100),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type_code" smallint NOT NULL,
	"subject_type" "activity_subject_type" NOT NULL,
	"subject" varchar(500) NOT NULL,
	"comment" text,
	"document_ref" varchar(255),
	"related_entity_id" uuid,
	"upload_object_key" varchar(500),
	"is_complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "activities_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "collection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"item_type" "collection_item_type" NOT NULL,
	"item_id" varchar(255) NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_items_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "collection_items_item_key" UNIQUE("collection_id","item_type","item_id")
);

CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"collection_type" "collection_type" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "collections_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"resource_type" "comment_resource_type" NOT NULL,
	"resource_id" varchar(255) NOT NULL,
	"content" text NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "comments_org_id_key" UNIQUE("organization_id","id")
);

CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"provider" "integration_provider" NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"token_expires_at" timestamp with time zone,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "integration_status" DEFAULT 'active' NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrations_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "integrations_org_provider_key" UNIQUE("organization_id","provider")
);

CREATE TABLE "data_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" varchar(64) NOT NULL,
	"display_name" varchar(200) NOT NULL,
	"source_type" "data_source_type" NOT NULL,
	"schedule_type" "schedule_type" NOT NULL,
	"schedule_cron" varchar(100),
	"product_id" varchar(50),
	"file_pattern" text,
	"format" "data_format" NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"freshness_warn_hours" integer,
	"freshness_critical_hours" integer,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"last_error" text,
	"next_run_at" timestamp with time zone,
	"watermark_date" date,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sources_key_key" UNIQUE("key")
);

CREATE TABLE "ingestion_changes" (
	"ingestion_job_id" uuid NOT NULL,
	"key_type" "change_key_type" NOT NULL,
	"key" varchar(32) NOT NULL,
	CONSTRAINT "ingestion_changes_pkey" PRIMARY KEY("ingestion_job_id","key_type","key")
);

CREATE TABLE "ingestion_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ingestion_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ingestion_job_id" uuid NOT NULL,
	"severity" "error_severity" NOT NULL,
	"error_type" "ingestion_error_type" NOT NULL,
	"record_identifier" varchar(500),
	"location" varchar(200),
	"error_message" text NOT NULL,
	"raw_data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "ingestion_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"data_source_id" uuid NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"file_date" date,
	"remote_url" text,
	"released_at" timestamp with time zone,
	"size_bytes" bigint,
	"checksum_sha256" char(64),
	"status" "ingestion_file_status" DEFAULT 'discovered' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_ingestion_job_id" uuid,
	"discovered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "ingestion_files_source_file_key" UNIQUE("data_source_id","file_name")
);

CREATE TABLE "ingestion_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"data_source_id" uuid NOT NULL,
	"ingestion_file_id" uuid,
	"trigger" "ingestion_trigger" NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"bullmq_job_id" varchar(100),
	"attempt" smallint DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"records_processed" integer DEFAULT 0 NOT NULL,
	"records_inserted" integer DEFAULT 0 NOT NULL,
	"records_updated" integer DEFAULT 0 NOT NULL,
	"records_unchanged" integer DEFAULT 0 NOT NULL,
	"records_skipped" integer DEFAULT 0 NOT NULL,
	"records_failed" integer DEFAULT 0 NOT NULL,
	"records_warned" integer DEFAULT 0 NOT NULL,
	"file_name" varchar(255),
	"file_size_bytes" bigint,
	"bytes_downloaded" bigint,
	"affected_org_count" integer,
	"fanout_completed_at" timestamp with time zone,
	"error_class" "error_class",
	"error_message" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "processing_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"job_type" "processing_job_type" NOT NULL,
	"trigger" varchar(50) NOT NULL,
	"start_from_step" "pipeline_step" DEFAULT 'classify' NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"current_step" smallint DEFAULT 0 NOT NULL,
	"bullmq_job_id" varchar(100),
	"triggered_by" uuid,
	"source_ingestion_job_ids" uuid[] DEFAULT '{}' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_jobs_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "processing_jobs_current_step_check" CHECK ("processing_jobs"."current_step" BETWEEN 0 AND 8)
);

CREATE TABLE "processing_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"processing_job_id" uuid NOT NULL,
	"step_number" smallint NOT NULL,
	"step_name" "pipeline_step" NOT NULL,
	"status" "step_status" DEFAULT 'pending' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"records_processed" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "processing_steps_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "processing_steps_job_step_key" UNIQUE("processing_job_id","step_number"),
	CONSTRAINT "processing_steps_step_number_check" CHECK ("processing_steps"."step_number" BETWEEN 1 AND 8)
);

ALTER TABLE "activity_codes" ADD CONSTRAINT "activity_codes_convey_ty_conveyance_types_convey_ty_fk" FOREIGN KEY ("convey_ty") REFERENCES "public"."conveyance_types"("convey_ty") ON DELETE no action ON UPDATE no action;
ALTER TABLE "banks" ADD CONSTRAINT "banks_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "entities" ADD CONSTRAINT "entities_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "assignees" ADD CONSTRAINT "assignees_rf_id_assignments_rf_id_fk" FOREIGN KEY ("rf_id") REFERENCES "public"."assignments"("rf_id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "assignees" ADD CONSTRAINT "assignees_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "assignment_conveyances" ADD CONSTRAINT "assignment_conveyances_rf_id_assignments_rf_id_fk" FOREIGN KEY ("rf_id") REFERENCES "public"."assignments"("rf_id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "assignment_conveyances" ADD CONSTRAINT "assignment_conveyances_convey_ty_conveyance_types_convey_ty_fk" FOREIGN KEY ("convey_ty") REFERENCES "public"."conveyance_types"("convey_ty") ON DELETE no action ON UPDATE no action;
ALTER TABLE "assignors" ADD CONSTRAINT "assignors_rf_id_assignments_rf_id_fk" FOREIGN KEY ("rf_id") REFERENCES "public"."assignments"("rf_id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "assignors" ADD CONSTRAINT "assignors_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "conveyance_overrides" ADD CONSTRAINT "conveyance_overrides_convey_ty_conveyance_types_convey_ty_fk" FOREIGN KEY ("convey_ty") REFERENCES "public"."conveyance_types"("convey_ty") ON DELETE no action ON UPDATE no action;
ALTER TABLE "conveyance_overrides" ADD CONSTRAINT "conveyance_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "document_ids" ADD CONSTRAINT "document_ids_rf_id_assignments_rf_id_fk" FOREIGN KEY ("rf_id") REFERENCES "public"."assignments"("rf_id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "inventors" ADD CONSTRAINT "inventors_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "cpc_classifications" ADD CONSTRAINT "cpc_classifications_parent_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."cpc_classifications"("cpc_code") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "maintenance_fee_events" ADD CONSTRAINT "maintenance_fee_events_event_code_maintenance_fee_event_codes_event_code_fk" FOREIGN KEY ("event_code") REFERENCES "public"."maintenance_fee_event_codes"("event_code") ON DELETE no action ON UPDATE no action;
ALTER TABLE "patent_family_lookups" ADD CONSTRAINT "patent_family_lookups_patent_id_patents_id_fk" FOREIGN KEY ("patent_id") REFERENCES "public"."patents"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "patent_family_members" ADD CONSTRAINT "patent_family_members_family_id_patent_families_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."patent_families"("family_id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "ownership_tree_nodes" ADD CONSTRAINT "ownership_tree_nodes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "ownership_tree_nodes" ADD CONSTRAINT "ownership_tree_nodes_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "ownership_tree_nodes" ADD CONSTRAINT "ownership_tree_nodes_tree_type_tree_types_code_fk" FOREIGN KEY ("tree_type") REFERENCES "public"."tree_types"("code") ON DELETE no action ON UPDATE no action;
ALTER TABLE "ownership_tree_nodes" ADD CONSTRAINT "ownership_tree_nodes_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "ownership_tree_nodes" ADD CONSTRAINT "ownership_tree_nodes_parent_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."ownership_tree_nodes"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "company_transaction_activities" ADD CONSTRAINT "company_transaction_activities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "company_transaction_activities" ADD CONSTRAINT "company_transaction_activities_party_entity_id_entities_id_fk" FOREIGN KEY ("party_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "company_transaction_activities" ADD CONSTRAINT "company_transaction_activities_activity_id_activity_codes_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity_codes"("activity_id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "company_transaction_activities" ADD CONSTRAINT "company_transaction_activities_recorded_entity_id_entities_id_fk" FOREIGN KEY ("recorded_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "company_transaction_activities" ADD CONSTRAINT "company_transaction_activities_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_convey_ty_conveyance_types_convey_ty_fk" FOREIGN KEY ("convey_ty") REFERENCES "public"."conveyance_types"("convey_ty") ON DELETE no action ON UPDATE no action;
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "asset_title_status" ADD CONSTRAINT "asset_title_status_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "asset_title_status" ADD CONSTRAINT "asset_title_status_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "asset_title_status" ADD CONSTRAINT "asset_title_status_asset_fk" FOREIGN KEY ("organization_id","asset_id") REFERENCES "public"."assets"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "dashboard_item_counts" ADD CONSTRAINT "dashboard_item_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "dashboard_item_counts" ADD CONSTRAINT "dashboard_item_counts_type_dashboard_item_types_code_fk" FOREIGN KEY ("type") REFERENCES "public"."dashboard_item_types"("code") ON DELETE no action ON UPDATE no action;
ALTER TABLE "dashboard_item_counts" ADD CONSTRAINT "dashboard_item_counts_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "dashboard_items" ADD CONSTRAINT "dashboard_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "dashboard_items" ADD CONSTRAINT "dashboard_items_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "dashboard_items" ADD CONSTRAINT "dashboard_items_type_dashboard_item_types_code_fk" FOREIGN KEY ("type") REFERENCES "public"."dashboard_item_types"("code") ON DELETE no action ON UPDATE no action;
ALTER TABLE "dashboard_items" ADD CONSTRAINT "dashboard_items_lawfirm_id_law_firms_id_fk" FOREIGN KEY ("lawfirm_id") REFERENCES "public"."law_firms"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "dashboard_items" ADD CONSTRAINT "dashboard_items_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "dashboard_items" ADD CONSTRAINT "dashboard_items_asset_fk" FOREIGN KEY ("organization_id","asset_id") REFERENCES "public"."assets"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "summary_metrics" ADD CONSTRAINT "summary_metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "summary_metrics" ADD CONSTRAINT "summary_metrics_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "asset_diagrams" ADD CONSTRAINT "asset_diagrams_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "asset_diagrams" ADD CONSTRAINT "asset_diagrams_asset_fk" FOREIGN KEY ("organization_id","asset_id") REFERENCES "public"."assets"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "asset_diagrams" ADD CONSTRAINT "asset_diagrams_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "customer_configurations" ADD CONSTRAINT "customer_configurations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "users" ADD CONSTRAINT "users_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "users" ADD CONSTRAINT "users_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "assets" ADD CONSTRAINT "assets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "assets" ADD CONSTRAINT "assets_patent_id_patents_id_fk" FOREIGN KEY ("patent_id") REFERENCES "public"."patents"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "companies" ADD CONSTRAINT "companies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "companies" ADD CONSTRAINT "companies_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "companies" ADD CONSTRAINT "companies_parent_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "company_assets" ADD CONSTRAINT "company_assets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "company_assets" ADD CONSTRAINT "company_assets_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "company_assets" ADD CONSTRAINT "company_assets_asset_fk" FOREIGN KEY ("organization_id","asset_id") REFERENCES "public"."assets"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "org_entity_overrides" ADD CONSTRAINT "org_entity_overrides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "org_entity_overrides" ADD CONSTRAINT "org_entity_overrides_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "org_entity_overrides" ADD CONSTRAINT "org_entity_overrides_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "org_entity_overrides" ADD CONSTRAINT "org_entity_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "share_access_logs" ADD CONSTRAINT "share_access_logs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "share_access_logs" ADD CONSTRAINT "share_access_logs_link_fk" FOREIGN KEY ("organization_id","share_link_id") REFERENCES "public"."share_links"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "share_link_assets" ADD CONSTRAINT "share_link_assets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "share_link_assets" ADD CONSTRAINT "share_link_assets_link_fk" FOREIGN KEY ("organization_id","share_link_id") REFERENCES "public"."share_links"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "share_link_assets" ADD CONSTRAINT "share_link_assets_asset_fk" FOREIGN KEY ("organization_id","asset_id") REFERENCES "public"."assets"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_share_link_id_share_links_id_fk" FOREIGN KEY ("actor_share_link_id") REFERENCES "public"."share_links"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_related_entity_id_entities_id_fk" FOREIGN KEY ("related_entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_collection_fk" FOREIGN KEY ("organization_id","collection_id") REFERENCES "public"."collections"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "collections" ADD CONSTRAINT "collections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "collections" ADD CONSTRAINT "collections_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "comments" ADD CONSTRAINT "comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "comments" ADD CONSTRAINT "comments_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."comments"("organization_id","id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "ingestion_changes" ADD CONSTRAINT "ingestion_changes_ingestion_job_id_ingestion_jobs_id_fk" FOREIGN KEY ("ingestion_job_id") REFERENCES "public"."ingestion_jobs"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "ingestion_errors" ADD CONSTRAINT "ingestion_errors_ingestion_job_id_ingestion_jobs_id_fk" FOREIGN KEY ("ingestion_job_id") REFERENCES "public"."ingestion_jobs"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "ingestion_files" ADD CONSTRAINT "ingestion_files_data_source_id_data_sources_id_fk" FOREIGN KEY ("data_source_id") REFERENCES "public"."data_sources"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "ingestion_files" ADD CONSTRAINT "ingestion_files_last_ingestion_job_id_ingestion_jobs_id_fk" FOREIGN KEY ("last_ingestion_job_id") REFERENCES "public"."ingestion_jobs"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "ingestion_jobs" ADD CONSTRAINT "ingestion_jobs_data_source_id_data_sources_id_fk" FOREIGN KEY ("data_source_id") REFERENCES "public"."data_sources"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "ingestion_jobs" ADD CONSTRAINT "ingestion_jobs_ingestion_file_id_ingestion_files_id_fk" FOREIGN KEY ("ingestion_file_id") REFERENCES "public"."ingestion_files"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "processing_jobs" ADD CONSTRAINT "processing_jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "processing_jobs" ADD CONSTRAINT "processing_jobs_triggered_by_users_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "processing_steps" ADD CONSTRAINT "processing_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "processing_steps" ADD CONSTRAINT "processing_steps_job_fk" FOREIGN KEY ("organization_id","processing_job_id") REFERENCES "public"."processing_jobs"("organization_id","id") ON DELETE cascade ON UPDATE no action;
CREATE INDEX "entities_representative_id_idx" ON "entities" USING btree ("representative_id");
CREATE INDEX "entities_instances_idx" ON "entities" USING btree ("instances" DESC);
CREATE INDEX "entities_name_key_trgm_idx" ON "entities" USING gin ("name_key" gin_trgm_ops);
CREATE INDEX "representatives_name_key_trgm_idx" ON "representatives" USING gin ("name_key" gin_trgm_ops);
CREATE INDEX "patents_pgpub_doc_num_idx" ON "patents" USING btree ("pgpub_doc_num") WHERE "patents"."pgpub_doc_num" IS NOT NULL;
CREATE INDEX "patents_appno_date_idx" ON "patents" USING btree ("appno_date");
CREATE INDEX "patents_grant_date_idx" ON "patents" USING btree ("grant_date");
CREATE INDEX "patents_title_tsv_idx" ON "patents" USING gin ("title_tsv");
CREATE INDEX "assignees_entity_id_idx" ON "assignees" USING btree ("entity_id");
CREATE INDEX "assignment_conveyances_convey_ty_idx" ON "assignment_conveyances" USING btree ("convey_ty");
CREATE INDEX "assignment_conveyances_employer_idx" ON "assignment_conveyances" USING btree ("rf_id") WHERE "assignment_conveyances"."employer_assign";
CREATE INDEX "assignments_record_dt_idx" ON "assignments" USING btree ("record_dt" DESC);
CREATE INDEX "assignments_reel_frame_idx" ON "assignments" USING btree ("reel_no","frame_no");
CREATE INDEX "assignors_entity_id_idx" ON "assignors" USING btree ("entity_id");
CREATE INDEX "document_ids_appno_doc_num_idx" ON "document_ids" USING btree ("appno_doc_num") WHERE "document_ids"."appno_doc_num" IS NOT NULL;
CREATE INDEX "document_ids_grant_doc_num_idx" ON "document_ids" USING btree ("grant_doc_num") WHERE "document_ids"."grant_doc_num" IS NOT NULL;
CREATE INDEX "document_ids_pgpub_doc_num_idx" ON "document_ids" USING btree ("pgpub_doc_num") WHERE "document_ids"."pgpub_doc_num" IS NOT NULL;
CREATE INDEX "inventors_entity_id_idx" ON "inventors" USING btree ("entity_id") WHERE "inventors"."entity_id" IS NOT NULL;
CREATE INDEX "inventors_canonical_name_idx" ON "inventors" USING btree (lower("canonical_name"));
CREATE INDEX "cpc_classifications_parent_code_idx" ON "cpc_classifications" USING btree ("parent_code");
CREATE INDEX "cpc_classifications_section_class_idx" ON "cpc_classifications" USING btree ("section","class_code");
CREATE INDEX "cpc_classifications_code_pattern_idx" ON "cpc_classifications" USING btree ("cpc_code" varchar_pattern_ops);
CREATE INDEX "patent_cpc_codes_doc_num_idx" ON "patent_cpc_codes" USING btree ("doc_num");
CREATE INDEX "patent_cpc_codes_code_pattern_idx" ON "patent_cpc_codes" USING btree ("cpc_code" varchar_pattern_ops);
CREATE INDEX "maintenance_fee_events_appno_doc_num_idx" ON "maintenance_fee_events" USING btree ("appno_doc_num");
CREATE INDEX "maintenance_fee_events_event_code_idx" ON "maintenance_fee_events" USING btree ("event_code");
CREATE INDEX "maintenance_fee_events_event_date_idx" ON "maintenance_fee_events" USING btree ("event_date" DESC);
CREATE INDEX "patent_family_lookups_next_refresh_at_idx" ON "patent_family_lookups" USING btree ("next_refresh_at");
CREATE INDEX "patent_family_members_country_doc_idx" ON "patent_family_members" USING btree ("country","doc_number");
CREATE INDEX "ownership_tree_nodes_tab_idx" ON "ownership_tree_nodes" USING btree ("organization_id","company_id","tree_tab");
CREATE INDEX "ownership_tree_nodes_parent_id_idx" ON "ownership_tree_nodes" USING btree ("parent_id");
CREATE INDEX "ownership_tree_nodes_entity_id_idx" ON "ownership_tree_nodes" USING btree ("entity_id");
CREATE INDEX "timeline_entries_record_dt_idx" ON "timeline_entries" USING btree ("organization_id","company_id","record_dt" DESC);
CREATE INDEX "timeline_entries_rf_id_idx" ON "timeline_entries" USING btree ("rf_id");
CREATE INDEX "dashboard_items_type_idx" ON "dashboard_items" USING btree ("organization_id","company_id","type");
CREATE INDEX "dashboard_items_asset_id_idx" ON "dashboard_items" USING btree ("asset_id");
CREATE INDEX "dashboard_items_rf_id_idx" ON "dashboard_items" USING btree ("rf_id");
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations" USING btree (lower("name")) WHERE "organizations"."deleted_at" IS NULL;
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug") WHERE "organizations"."deleted_at" IS NULL;
CREATE INDEX "user_tokens_open_idx" ON "user_tokens" USING btree ("user_id","purpose") WHERE "user_tokens"."used_at" IS NULL;
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email")) WHERE "users"."deleted_at" IS NULL;
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("organization_id",lower("username")) WHERE "users"."deleted_at" IS NULL AND "users"."username" IS NOT NULL;
CREATE UNIQUE INDEX "assets_numbers_key" ON "assets" USING btree ("organization_id","appno_doc_num","grant_doc_num") NULLS NOT DISTINCT WHERE "assets"."deleted_at" IS NULL;
CREATE INDEX "assets_appno_doc_num_idx" ON "assets" USING btree ("appno_doc_num");
CREATE INDEX "assets_grant_doc_num_idx" ON "assets" USING btree ("grant_doc_num");
CREATE UNIQUE INDEX "companies_name_key" ON "companies" USING btree ("organization_id",lower("name")) WHERE "companies"."deleted_at" IS NULL;
CREATE INDEX "companies_representative_id_idx" ON "companies" USING btree ("representative_id");
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin (lower("name") gin_trgm_ops);
CREATE INDEX "share_access_logs_link_accessed_idx" ON "share_access_logs" USING btree ("share_link_id","accessed_at" DESC);
CREATE INDEX "audit_events_org_created_idx" ON "audit_events" USING btree ("organization_id","created_at" DESC);
CREATE INDEX "audit_events_actor_created_idx" ON "audit_events" USING btree ("actor_user_id","created_at" DESC);
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
CREATE INDEX "activities_org_created_idx" ON "activities" USING btree ("organization_id","created_at" DESC);
CREATE INDEX "activities_user_id_idx" ON "activities" USING btree ("user_id");
CREATE INDEX "comments_resource_idx" ON "comments" USING btree ("resource_type","resource_id");
CREATE INDEX "ingestion_errors_job_idx" ON "ingestion_errors" USING btree ("ingestion_job_id");
CREATE INDEX "ingestion_errors_record_idx" ON "ingestion_errors" USING btree ("record_identifier");
CREATE INDEX "ingestion_errors_type_idx" ON "ingestion_errors" USING btree ("error_type");
CREATE INDEX "ingestion_files_status_idx" ON "ingestion_files" USING btree ("data_source_id","status","file_date");
CREATE INDEX "ingestion_jobs_source_created_idx" ON "ingestion_jobs" USING btree ("data_source_id","created_at" DESC);
CREATE INDEX "ingestion_jobs_active_idx" ON "ingestion_jobs" USING btree ("status") WHERE "ingestion_jobs"."status" IN ('pending', 'running');
CREATE UNIQUE INDEX "ingestion_jobs_one_running_key" ON "ingestion_jobs" USING btree ("data_source_id") WHERE "ingestion_jobs"."status" = 'running';
CREATE UNIQUE INDEX "processing_jobs_one_pending_key" ON "processing_jobs" USING btree ("organization_id") WHERE "processing_jobs"."status" = 'pending';
CREATE UNIQUE INDEX "processing_jobs_one_running_key" ON "processing_jobs" USING btree ("organization_id") WHERE "processing_jobs"."status" = 'running';
