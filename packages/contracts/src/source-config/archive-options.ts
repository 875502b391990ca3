import { boolean, numberInRange } from "../field-rules";

/**
 * The page archive (every listing and detail page a sync job fetches, kept as a WARC file so the sync job can be
 * re-processed offline). Spread into `syncOptionsShape`; `resolveArchiveOptions` fills the defaults per kind.
 */
export const archiveOptionsShape = {
  /** Keep the fetched pages of each sync job as a WARC file. Default on for boards read as HTML pages. */
  archive: boolean("archive").optional(),
  /** The source's archives together at most this many MB (1 MB = 1,048,576 bytes): the oldest go first. */
  archive_max_mb: numberInRange("archive_max_mb", 0.01, 100_000, "MB").optional(),
} as const;

/** Kinds whose pages are HTML (archived by default); the JSON API kinds are not. */
export const ARCHIVED_BY_DEFAULT_KINDS: readonly string[] = ["topcv", "itviec", "css"];
export const DEFAULT_ARCHIVE_MAX_MB = 1024;

export interface ResolvedArchiveOptions {
  enabled: boolean;
  maxBytes: number;
}

/** A stored config's archive settings (any kind), with defaults; bad values fall back to the default. */
export function resolveArchiveOptions(kind: string, config: Record<string, unknown>): ResolvedArchiveOptions {
  const enabled = archiveOptionsShape.archive.safeParse(config.archive);
  const maxMb = archiveOptionsShape.archive_max_mb.safeParse(config.archive_max_mb);
  return {
    enabled: (enabled.success ? enabled.data : undefined) ?? ARCHIVED_BY_DEFAULT_KINDS.includes(kind),
    maxBytes: Math.round(((maxMb.success ? maxMb.data : undefined) ?? DEFAULT_ARCHIVE_MAX_MB) * 1024 * 1024),
  };
}
