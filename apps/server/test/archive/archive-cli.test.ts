import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";
import { migrate } from "../../src/db/migrate";
import { openPglite } from "../../src/db/pglite";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, TEST_JWT_SECRET } from "../support/test-app";
import { databaseKinds, type TestDatabase } from "../support/test-database";

type Io = { out: string[]; err: string[]; io: never };
const capture = (): Io => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), stdin: process.stdin } as never,
  };
};

/**
 * `npm run cli -- archive list|show|extract` and `parse --warc` against the database and ARCHIVE_DIR a sync job
 * wrote (PGlite: the app is closed first, as the CLI opens the same DATA_DIR).
 */
describe.each(databaseKinds())("archive CLI on %s", (kind) => {
  let board: FixtureBoard;
  let dir: string;
  let job: CrawlJobProgress;
  let listingUrl: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-archive-cli-"));
    board = await startBoard({ seed: 9, pagesPerKeyword: 1, cardsPerPage: 5 });
    const dataDir = join(dir, "data");
    const archiveDir = join(dir, "archive");
    let database: TestDatabase | undefined;
    if (kind === "pglite") {
      const pglite = await openPglite({ dataDir });
      await migrate(pglite);
      database = { database: pglite, url: null, close: () => pglite.close() };
    }
    const t = await createTestApp(kind, { archiveDir }, { worker: true, ...(database ? { database } : {}) });
    await createSource(t, "Cli", board.url, { search_keywords: ["ke-toan"], max_pages: 1 });
    job = await waitFinal(t, (await startSync(t, "Cli")).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    listingUrl = board.listingUrl("ke-toan", 1);
    process.env.ARCHIVE_DIR = archiveDir;
    if (kind === "pglite") {
      await t.close();
      process.env.DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
    } else {
      process.env.DATABASE_URL = t.db.url!;
      process.env.JWT_SECRET = TEST_JWT_SECRET;
      closeApp = () => t.close();
    }
  });
  let closeApp: () => Promise<void> = async () => {};
  afterAll(async () => {
    process.env = { ...saved };
    await closeApp();
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists archives, shows a sync job's pages, extracts one", async () => {
    const list = capture();
    expect(await runCli(["archive", "list"], list.io)).toBe(0);
    expect(list.out).toHaveLength(1);
    expect(list.out[0]).toMatch(new RegExp(`^${job.job_id}  Cli  completed  ${job.archive!.pages} pages  `));

    const show = capture();
    expect(await runCli(["archive", "show", job.job_id], show.io)).toBe(0);
    expect(show.out).toHaveLength(job.archive!.pages);
    expect(show.out).toContainEqual(
      expect.stringMatching(new RegExp(`^200  \\d+ bytes \\(br\\)  ${listingUrl.replace(/[?.]/g, "\\$&")}$`)),
    );

    const extract = capture();
    expect(await runCli(["archive", "extract", job.job_id, listingUrl], extract.io)).toBe(0);
    expect(extract.err[0]).toMatch(/^HTTP 200 {2}text\/html; charset=UTF-8 {2}\d+ bytes$/);
    expect(extract.out[0]).toContain("job-item-search-result");
  });

  it("parses a page straight from the archive with parse --warc FILE --url URL", async () => {
    const file = join(process.env.ARCHIVE_DIR!, `${job.job_id}.warc.gz`);
    const at = ["--crawled-at", "2026-01-02T03:04:05Z"];
    const parsed = capture();
    const args = ["parse", "--adapter", "topcv", "--page", "listing", ...at, "--url", listingUrl];
    expect(await runCli([...args, "--warc", file], parsed.io)).toBe(0);
    // the same page as the board serves it, saved to a file: the same postings
    const html = join(dir, "page.html");
    writeFileSync(html, await (await fetch(listingUrl)).text());
    const live = capture();
    expect(await runCli([...args, html], live.io)).toBe(0);
    expect(parsed.out.length).toBeGreaterThan(0);
    expect(parsed.out).toEqual(live.out);

    const missing = capture();
    expect(
      await runCli(
        ["parse", "--adapter", "topcv", "--page", "listing", "--warc", file, "--url", `${board.url}/nope`],
        missing.io,
      ),
    ).toBe(1);
    expect(missing.err[0]).toBe(`error: cannot read ${file}: ${board.url}/nope is not in the archive`);
    const noUrl = capture();
    expect(await runCli(["parse", "--adapter", "topcv", "--page", "listing", "--warc", file], noUrl.io)).toBe(1);
    expect(noUrl.err[0]).toBe("error: --warc needs --url: the page to read from the archive");
  });

  it("refuses bad arguments and unknown archives with a clear message", async () => {
    const cases: [string[], RegExp][] = [
      [["archive"], /use archive list, archive show <job_id> or archive extract <job_id> <url>/],
      [["archive", "show"], /missing <job_id>/],
      [["archive", "show", "nope"], /job_id must be a UUID, got "nope"/],
      [
        ["archive", "show", "00000000-0000-4000-8000-000000000000"],
        /sync job 00000000-0000-4000-8000-000000000000 not found/,
      ],
      [["archive", "extract", job.job_id], /missing <url>/],
      [["archive", "extract", job.job_id, "http://x.test/"], /http:\/\/x.test\/ is not in the archive of sync job/],
      [["archive", "list", "extra"], /archive list takes 0 argument\(s\), got 1/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await runCli(args, io.io), args.join(" ")).toBe(1);
      expect(io.err[0], args.join(" ")).toMatch(message);
    }
  });
});
