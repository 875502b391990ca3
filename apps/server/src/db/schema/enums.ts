import {
  CRAWL_STEP_STATUSES,
  POSTING_STATUSES,
  SYNC_JOB_STATUSES,
  SYNC_TRIGGERS,
  USER_ROLES,
} from "@jobsync/contracts";
import { pgEnum } from "drizzle-orm/pg-core";

/** Database enums, derived from the contracts' tuples (a test checks the migrated database agrees). */
export const syncJobStatusEnum = pgEnum("sync_job_status", SYNC_JOB_STATUSES);
export const userRoleEnum = pgEnum("user_role", USER_ROLES);
export const syncTriggerEnum = pgEnum("sync_trigger", SYNC_TRIGGERS);
export const postingStatusEnum = pgEnum("posting_status", POSTING_STATUSES);
/** Step statuses live inside the steps JSON; the tuple is re-exported here so the schema names every status list. */
export const STEP_STATUSES = CRAWL_STEP_STATUSES;
