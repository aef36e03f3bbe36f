import { pgEnum, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';
import { conveyanceTypes } from './conveyance-types';

/** Which side of a transaction the tracked company is on. */
export const activityDirection = pgEnum('activity_direction', ['in', 'out']);

/** Transaction activity codes (business-rules §5.7, OQ-1); not user activities. */
export const activityCodes = pgTable('activity_codes', {
  activityId: smallint('activity_id').primaryKey(),
  conveyTy: varchar('convey_ty', { length: 24 }).references(() => conveyanceTypes.conveyTy),
  direction: activityDirection('direction'),
  groupId: smallint('group_id'),
});
