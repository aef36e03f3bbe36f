-- Incremental entity grouping (BR-018…020) keeps the stored grouping equal to what a full run over all names
-- would give. That needs each entity's part in the stored grouping: whether it seeds its group, joined one, or
-- was placed by a super admin (merge/split, never regrouped), and the instances its BR-020 position was computed
-- with, so entities whose position moved since are re-evaluated. NULL role = not grouped yet (including every
-- entity grouped before this migration: the next run regroups them once).
ALTER TABLE "entities" ADD COLUMN "grouping_role" varchar(6);
ALTER TABLE "entities" ADD CONSTRAINT "entities_grouping_role_check" CHECK ("grouping_role" IN ('seed', 'member', 'pinned'));
ALTER TABLE "entities" ADD COLUMN "grouped_instances" integer;
