import { z } from "zod";
import { intInRange, numberInRange } from "../field-rules";
import { PROVINCES } from "../provinces";
import { DEFAULT_DRIFT_TOLERANCE } from "../source-quality";
import { archiveOptionsShape } from "./archive-options";

/**
 * Options every source kind accepts, whatever its board: filtering (applied in Process Jobs), incremental crawling
 * and auto-disable. Spread `syncOptionsShape` into each kind's `z.strictObject({...})`. Every key is optional, so
 * stored configs written before these options existed stay valid and unchanged; `resolveSyncOptions` fills defaults.
 */
const keyword = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, { error: `${field} must be 1-100 characters` })
    .max(100, { error: `${field} must be 1-100 characters` });

const keywordList = (field: string) =>
  z
    .array(keyword(`${field}[]`), { error: `${field} must be a list of words or phrases` })
    .max(50, { error: `${field} must hold at most 50 entries` });

export const syncOptionsShape = {
  /** Keep a posting only when its title or a tag contains one of these (accent- and case-insensitive). */
  include_keywords: keywordList("include_keywords").optional(),
  /** Drop a posting whose title or a tag contains one of these. */
  exclude_keywords: keywordList("exclude_keywords").optional(),
  /** Keep a posting only when it is in one of these provinces (canonical names). */
  provinces: z
    .array(
      z.enum(PROVINCES as unknown as [string, ...string[]], {
        error: "provinces[] must be a province name such as Hà Nội or Hồ Chí Minh",
      }),
      { error: "provinces must be a list of province names" },
    )
    .max(34, { error: "provinces must hold at most 34 entries" })
    .optional(),
  /** Drop a posting whose best monthly salary (VND; USD converted) is known and below this. */
  min_salary: numberInRange("min_salary", 0, 1e10, "VND a month").optional(),
  /** Drop a posting that asks for more years of experience than this. */
  max_experience_years: intInRange("max_experience_years", 0, 50).optional(),
  /** Incremental: stop a keyword after this many listing pages in a row with no posting we do not have (0: off). */
  stop_after_known_pages: intInRange("stop_after_known_pages", 0, 100).optional(),
  /** Mark the source degraded after this many failed sync jobs in a row, and deactivate it after twice as many. */
  auto_disable_after_failures: intInRange("auto_disable_after_failures", 1, 100).optional(),
  /** Source health: a field's fill rate more than this far below the source's baseline raises a drift alarm. */
  drift_tolerance: numberInRange("drift_tolerance", 0, 1, "(a share: 0.2 is 20 points)").optional(),
  ...archiveOptionsShape,
} as const;

export const syncOptionsSchema = z.strictObject(syncOptionsShape);
export type SyncOptions = z.output<typeof syncOptionsSchema>;

export const DEFAULT_AUTO_DISABLE_AFTER_FAILURES = 5;

export interface ResolvedSyncOptions {
  includeKeywords: string[];
  excludeKeywords: string[];
  provinces: string[];
  minSalaryVnd: number | null;
  maxExperienceYears: number | null;
  stopAfterKnownPages: number;
  autoDisableAfterFailures: number;
  driftTolerance: number;
}

/** The options of a stored config (any kind), with defaults; unknown or bad values fall back to the default. */
export function resolveSyncOptions(config: Record<string, unknown>): ResolvedSyncOptions {
  const pick = <K extends keyof typeof syncOptionsShape>(key: K) => {
    const parsed = syncOptionsShape[key].safeParse(config[key]);
    return parsed.success ? (parsed.data as z.output<(typeof syncOptionsShape)[K]>) : undefined;
  };
  return {
    includeKeywords: pick("include_keywords") ?? [],
    excludeKeywords: pick("exclude_keywords") ?? [],
    provinces: pick("provinces") ?? [],
    minSalaryVnd: pick("min_salary") ?? null,
    maxExperienceYears: pick("max_experience_years") ?? null,
    stopAfterKnownPages: pick("stop_after_known_pages") ?? 0,
    autoDisableAfterFailures: pick("auto_disable_after_failures") ?? DEFAULT_AUTO_DISABLE_AFTER_FAILURES,
    driftTolerance: pick("drift_tolerance") ?? DEFAULT_DRIFT_TOLERANCE,
  };
}
