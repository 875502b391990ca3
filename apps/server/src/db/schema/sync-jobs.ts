import type { CrawlStats, CrawlStep, SyncSummary } from "@jobsync/contracts";
import { bigint, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { dataSources } from "./data-sources";
import { syncJobStatusEnum, syncTriggerEnum } from "./enums";
import { users } from "./users";

/**
 * One row per sync job. Steps, stats and summary are JSON written together by the progress manager, so one flush is
 * one UPDATE. A partial unique index (migration 0001) allows one active sync job per data source.
 */
export const syncJobs = pgTable("sync_jobs", {
  id: uuid("id").primaryKey().defaultRandom(),
  dataSourceId: uuid("data_source_id")
    .notNull()
    .references(() => dataSources.id, { onDelete: "cascade" }),
  siteName: text("site_name").notNull(),
  status: syncJobStatusEnum("status").notNull().default("pending"),
  trigger: syncTriggerEnum("trigger").notNull().default("manual"),
  maxJobs: integer("max_jobs").notNull(),
  progress: real("progress").notNull().default(0),
  currentStep: text("current_step"),
  steps: jsonb("steps").$type<CrawlStep[]>().notNull(),
  stats: jsonb("stats").$type<CrawlStats>().notNull(),
  summary: jsonb("summary").$type<SyncSummary>(),
  error: text("error"),
  requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
  cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
  batchId: uuid("batch_id"),
  workerId: text("worker_id"),
  version: integer("version").notNull().default(1),
  /** Which run this is (migration 0004): a worker that stopped hands the sync job on to the next attempt. */
  attempt: integer("attempt").notNull().default(1),
  maxAttempts: integer("max_attempts").notNull().default(3),
  resumedFrom: uuid("resumed_from"),
  /** Source health (migration 0006): quality counters, alarms, the expiry-by-absence report. */
  qualityTally: jsonb("quality_tally"),
  alarms: jsonb("alarms").notNull().default([]),
  expiry: jsonb("expiry"),
  /** The finished sync job whose archived pages this one parses again (migration 0007). */
  reprocessedFrom: uuid("reprocessed_from"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SyncJobRow = typeof syncJobs.$inferSelect;

/** Append-only timeline: one human sentence per event. */
export const syncJobEvents = pgTable("sync_job_events", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  syncJobId: uuid("sync_job_id")
    .notNull()
    .references(() => syncJobs.id, { onDelete: "cascade" }),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  level: text("level").notNull(),
  stepKey: text("step_key"),
  message: text("message").notNull(),
});

export type SyncJobEventRow = typeof syncJobEvents.$inferSelect;

/** One row per saved batch, written with its postings: what a resume does not fetch again (migration 0004). */
export const syncJobCheckpoints = pgTable("sync_job_checkpoints", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  syncJobId: uuid("sync_job_id")
    .notNull()
    .references(() => syncJobs.id, { onDelete: "cascade" }),
  attempt: integer("attempt").notNull(),
  seq: integer("seq").notNull(),
  pages: jsonb("pages").notNull(),
  itemIds: text("item_ids").array().notNull(),
  detailUrls: text("detail_urls").array().notNull(),
  tally: jsonb("tally").notNull(),
  qualityTally: jsonb("quality_tally"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per final transition, written in its transaction; the end handler marks it handled (migration 0004). */
export const syncJobOutbox = pgTable("sync_job_outbox", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  syncJobId: uuid("sync_job_id")
    .notNull()
    .unique()
    .references(() => syncJobs.id, { onDelete: "cascade" }),
  dataSourceId: uuid("data_source_id").notNull(),
  status: syncJobStatusEnum("status").notNull(),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  handledAt: timestamp("handled_at", { withTimezone: true }),
});

/** One row per page archive (ARCHIVE_DIR/<sync job id>.warc.gz): its size and pages (migration 0007). */
export const syncJobArchives = pgTable("sync_job_archives", {
  syncJobId: uuid("sync_job_id")
    .primaryKey()
    .references(() => syncJobs.id, { onDelete: "cascade" }),
  dataSourceId: uuid("data_source_id")
    .notNull()
    .references(() => dataSources.id, { onDelete: "cascade" }),
  bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
  pages: integer("pages").notNull().default(0),
  /** Set when the size cap deleted the file (the row stays: "gone", not "never had one"). */
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
