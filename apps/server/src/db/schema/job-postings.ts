import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { dataSources } from "./data-sources";
import { postingStatusEnum } from "./enums";
import { syncJobs } from "./sync-jobs";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Job postings. `search_vector` is a stored generated column over title, company, locations, tags and description
 * (`jobsync_unaccent` + `simple`), so every upsert updates the search index in the same statement.
 */
export const jobPostings = pgTable(
  "job_postings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dataSourceId: uuid("data_source_id")
      .notNull()
      .references(() => dataSources.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    company: text("company"),
    companyUrl: text("company_url"),
    logoUrl: text("logo_url"),
    salaryRaw: text("salary_raw"),
    salaryMin: bigint("salary_min", { mode: "number" }),
    salaryMax: bigint("salary_max", { mode: "number" }),
    salaryCurrency: text("salary_currency"),
    salaryPeriod: text("salary_period"),
    salaryNegotiable: boolean("salary_negotiable").notNull().default(false),
    /** The salary as a full-time monthly amount in VND (contracts: monthlyEquivalentVnd); null for piece rates. */
    salaryMonthlyMinVnd: bigint("salary_monthly_min_vnd", { mode: "number" }),
    salaryMonthlyMaxVnd: bigint("salary_monthly_max_vnd", { mode: "number" }),
    locations: text("locations").array().notNull(),
    provinces: text("provinces").array().notNull(),
    extraLocations: integer("extra_locations").notNull().default(0),
    experience: text("experience"),
    /** Years of experience asked, read from `experience`; null when not stated. */
    experienceMinYears: doublePrecision("experience_min_years"),
    experienceMaxYears: doublePrecision("experience_max_years"),
    level: text("level"),
    deadline: date("deadline"),
    postedAt: timestamp("posted_at", { withTimezone: true }),
    tags: text("tags").array().notNull(),
    descriptionHtml: text("description_html"),
    requirementsHtml: text("requirements_html"),
    benefitsHtml: text("benefits_html"),
    workingTimeHtml: text("working_time_html"),
    companySize: text("company_size"),
    companyAddress: text("company_address"),
    contentHash: text("content_hash").notNull(),
    contentKey: text("content_key").notNull(),
    duplicateOf: integer("duplicate_of"),
    status: postingStatusEnum("status").notNull().default("open"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Completed sync jobs in a row that did not list it (migration 0006): expiry by absence closes after two. */
    missedSyncs: integer("missed_syncs").notNull().default(0),
    firstSyncJobId: uuid("first_sync_job_id").references(() => syncJobs.id, { onDelete: "set null" }),
    lastSyncJobId: uuid("last_sync_job_id").references(() => syncJobs.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`jobsync_search_vector(title, company, locations, tags, description_html)`,
    ),
    /** Title and tags only (words and syllable pairs): small enough to rank by without reading TOAST (0009). */
    titleVector: tsvector("title_vector").generatedAlwaysAs(sql`jobsync_title_vector(title, tags)`),
  },
  (t) => [
    unique("job_postings_source_external_id").on(t.dataSourceId, t.externalId),
    index("job_postings_url_idx").on(t.url),
    index("job_postings_content_key_idx").on(t.contentKey),
  ],
);

export type JobPostingRow = typeof jobPostings.$inferSelect;
