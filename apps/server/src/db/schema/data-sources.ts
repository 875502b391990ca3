import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const dataSources = pgTable("data_sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  siteName: text("site_name").notNull().unique(),
  kind: text("kind").notNull(),
  baseUrl: text("base_url").notNull(),
  isActive: boolean("is_active").notNull().default(true),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  scheduleCron: text("schedule_cron"),
  scheduleTimezone: text("schedule_timezone").notNull().default("UTC"),
  /** Failed sync jobs in a row and the health derived from them (migration 0003, see sync/source-health). */
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  health: text("health").notNull().default("ok"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type DataSourceRow = typeof dataSources.$inferSelect;
