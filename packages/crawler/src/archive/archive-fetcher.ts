import { type FileHandle, open } from "node:fs/promises";
import { decodeBody } from "../fetch/charset";
import { AbortedError, FetchError, HttpStatusError } from "../fetch/errors";
import type { Fetcher, FetcherStats, FetchRequest, FetchResponse } from "../fetch/fetcher";
import { HostThrottle } from "../fetch/host-throttle";
import type { RobotsVerdict } from "../fetch/robots-cache";
import { GzipMembers } from "./gzip-members";
import { type IndexedResponse, readWarcIndex } from "./warc-index";
import { type ArchiveDamage, readWarcResponse, scanWarc, type WarcEntry } from "./warc-reader";

/** A page the archive does not hold: it was never fetched, or its record lies past the damage. */
export class NotInArchiveError extends FetchError {
  /**
   * @param neverFetched the archive is whole, so the sync job that wrote it never fetched this page (it stopped
   * before: max_jobs, a cancel, its search's end), as opposed to a page that may lie past the damage
   */
  constructor(
    url: string,
    readonly neverFetched = false,
  ) {
    super(`${url} is not in the archive`, url, false);
    this.name = "NotInArchiveError";
  }
}

/** An archived record that cannot be read back. */
export class ArchiveRecordError extends FetchError {
  constructor(url: string, offset: number, reason: string) {
    super(`archived page ${url} at offset ${offset} cannot be read: ${reason}`, url, false);
    this.name = "ArchiveRecordError";
  }
}

type Located = Pick<WarcEntry, "offset" | "length">;

/**
 * The page source of a re-process: serves, for each URL, the response recorded in a sync job's WARC file, and never
 * touches the network. Opening it reads the archive's index (offsets only) up to any damage; each fetch reads its
 * one record (through one file handle, held until `close()`, and a window of the file: pages are mostly read in the
 * order they were written) and decodes it as the HTTP fetcher would have.
 */
export class ArchiveFetcher implements Fetcher {
  readonly kind = "http" as const;
  readonly throttle = new HostThrottle(0);
  private readonly counters = { requests: 0, retries: 0, bytes: 0, robotsDisallowed: 0, blocked: 0 };

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    private readonly members: GzipMembers,
    private readonly index: Map<string, Located>,
    /** Where the archive stops being readable, if it does. */
    readonly damage: ArchiveDamage | null,
    /** Response records readable. */
    readonly pages: number,
    /** Where the records were found: the index the writer left (the file unchanged since), or a scan of the file. */
    readonly foundBy: "index" | "scan",
  ) {}

  static async open(path: string): Promise<ArchiveFetcher> {
    const index = new Map<string, Located>();
    let pages = 0;
    const add = (entry: IndexedResponse) => {
      if (!entry.url) return;
      pages++;
      const at = { offset: entry.offset, length: entry.length };
      index.set(entry.url, at); // the latest record of a URL wins (a resumed sync job may have fetched it again)
      if (entry.requestedUrl) index.set(entry.requestedUrl, at);
    };
    const written = await readWarcIndex(path);
    if (written) {
      for (const entry of written.responses) add(entry);
      return ArchiveFetcher.over(path, index, null, pages, "index");
    }
    const scan = await scanWarc(path, (entry) => {
      if (entry.type === "response") add(entry);
    });
    return ArchiveFetcher.over(path, index, scan.damage, pages, "scan");
  }

  private static async over(
    path: string,
    index: Map<string, Located>,
    damage: ArchiveDamage | null,
    pages: number,
    foundBy: "index" | "scan",
  ): Promise<ArchiveFetcher> {
    const file = await open(path, "r");
    try {
      const members = new GzipMembers(file, (await file.stat()).size);
      return new ArchiveFetcher(path, file, members, index, damage, pages, foundBy);
    } catch (error) {
      await file.close(); // not left for the garbage collector (DEP0137)
      throw error;
    }
  }

  has(url: string): boolean {
    return this.index.has(url);
  }

  async start(): Promise<string> {
    return `the archive ${this.path}`;
  }

  async robotsVerdict(url: string): Promise<RobotsVerdict> {
    return {
      robotsUrl: `${new URL(url).origin}/robots.txt`,
      outcome: "off",
      httpStatus: null,
      allowed: true,
      crawlDelaySecs: null,
      truncated: false,
      summary: "robots.txt is not read: pages come from the archive",
      error: null,
    };
  }

  stats(): FetcherStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    await this.file.close().catch(() => {}); // closing twice is not an error
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    if (request.signal?.aborted) throw new AbortedError(request.url);
    const started = performance.now();
    const at = this.index.get(request.url);
    if (!at) throw new NotInArchiveError(request.url, this.damage === null);
    let stored: Awaited<ReturnType<typeof readWarcResponse>>;
    try {
      stored = await readWarcResponse(this.members, at);
    } catch (error) {
      throw new ArchiveRecordError(request.url, at.offset, (error as Error).message);
    }
    this.counters.requests++;
    this.counters.bytes += stored.storedBytes;
    if (stored.status < 200 || stored.status >= 300) throw new HttpStatusError(stored.url, stored.status);
    const { text } = decodeBody(stored.payload, stored.headers["content-type"]);
    return {
      url: request.url,
      finalUrl: stored.url,
      status: stored.status,
      headers: stored.headers,
      body: text,
      payload: stored.payload,
      bytes: stored.storedBytes,
      elapsedMs: Math.round(performance.now() - started),
      attempts: 1,
    };
  }
}
