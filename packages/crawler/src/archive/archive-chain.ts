import { AbortedError } from "../fetch/errors";
import type { Fetcher, FetcherStats, FetchRequest, FetchResponse } from "../fetch/fetcher";
import { HostThrottle } from "../fetch/host-throttle";
import type { RobotsVerdict } from "../fetch/robots-cache";
import { type ArchiveFetcher, NotInArchiveError } from "./archive-fetcher";
import type { ArchiveDamage } from "./warc-reader";

/** What a re-process reads its pages from: one sync job's archive, or a chain of them. */
export interface PageArchive extends Fetcher {
  /** Response records readable, over every archive read. */
  readonly pages: number;
  /** Where an archive stops being readable (the first damaged one), if one does. */
  readonly damage: ArchiveDamage | null;
}

/**
 * The archives of a sync job and of the sync jobs it resumed (newest first), read as one: a Resume fetches only
 * the pages its checkpoint did not cover, so the pages it restored are in the archive of the sync job it resumed.
 * Each URL is served from the newest archive that holds it; a URL none holds fails as "not in the archive".
 */
export class ArchiveChain implements PageArchive {
  readonly kind = "http" as const;
  readonly throttle = new HostThrottle(0);
  readonly pages: number;
  readonly damage: ArchiveDamage | null;

  constructor(private readonly archives: readonly ArchiveFetcher[]) {
    if (archives.length === 0) throw new RangeError("an archive chain needs at least one archive");
    this.pages = archives.reduce((sum, archive) => sum + archive.pages, 0);
    const damaged = archives.find((archive) => archive.damage !== null);
    this.damage = damaged?.damage
      ? damaged === archives[0]
        ? damaged.damage
        : { ...damaged.damage, reason: `${damaged.damage.reason} (in ${damaged.path})` }
      : null;
  }

  start(): Promise<string> {
    return Promise.resolve(`${this.archives.length} archives (${this.archives.map((a) => a.path).join(", ")})`);
  }

  fetch(request: FetchRequest): Promise<FetchResponse> {
    if (request.signal?.aborted) return Promise.reject(new AbortedError(request.url));
    const holder = this.archives.find((archive) => archive.has(request.url));
    return holder ? holder.fetch(request) : Promise.reject(new NotInArchiveError(request.url, this.damage === null));
  }

  robotsVerdict(url: string): Promise<RobotsVerdict> {
    return (this.archives[0] as ArchiveFetcher).robotsVerdict(url);
  }

  stats(): FetcherStats {
    const total = { requests: 0, retries: 0, bytes: 0, robotsDisallowed: 0, blocked: 0 };
    for (const archive of this.archives) {
      const s = archive.stats();
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += s[key];
    }
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(this.archives.map((archive) => archive.close()));
  }
}
