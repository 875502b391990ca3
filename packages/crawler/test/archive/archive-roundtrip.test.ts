import { mkdtempSync, rmSync, statSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArchiveFetcher, ArchiveRecordError, NotInArchiveError } from "../../src/archive/archive-fetcher";
import { RecordingFetcher } from "../../src/archive/recording-fetcher";
import { readWarcResponse, scanWarc, type WarcEntry } from "../../src/archive/warc-reader";
import { WarcWriter } from "../../src/archive/warc-writer";
import { BrowserFetcher } from "../../src/fetch/browser-fetcher";
import { HttpStatusError } from "../../src/fetch/errors";
import type { Fetcher } from "../../src/fetch/fetcher";
import { HttpFetcher } from "../../src/fetch/http-fetcher";
import { board, track } from "../fetch/board-support";

/**
 * The recorder seam over both fetchers, and the archive as a page source: what was fetched is served back from the
 * file — same body, a gone page gone again — and nothing else is, with no request to the board.
 */
describe("recording pages and serving them back from the archive", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-roundtrip-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, () => Fetcher]> = [
    ["HTTP", () => new HttpFetcher({ kind: "http", timeoutMillis: 10_000, requestDelayMillis: 0 })],
    ["Chromium", () => new BrowserFetcher({ kind: "browser", timeoutMillis: 20_000, requestDelayMillis: 0 })],
  ];
  for (const [name, make] of cases) {
    it(`records listing, detail and gone pages fetched over ${name}`, async () => {
      const b = await board({ seed: 4 });
      const path = join(dir, `${name}.warc.gz`);
      const writer = await WarcWriter.open(path, "test");
      const fetcher = track(new RecordingFetcher(make(), writer));
      const listing = b.listingUrl("ke-toan", 1);
      const detail = b.expectedCards("ke-toan", 1)[0]!.url;
      const gone = detail.replace(/\d+(\.html)?$/, "999999999$1");
      const live = {
        listing: await fetcher.fetch({ url: listing, purpose: "listing" }),
        detail: await fetcher.fetch({ url: detail, purpose: "detail" }),
      };
      const goneError = await fetcher.fetch({ url: gone, purpose: "detail" }).catch((e: unknown) => e);
      expect(goneError).toBeInstanceOf(HttpStatusError);
      await fetcher.fetch({ url: `${b.url}/`, purpose: "probe" }); // not a page of the crawl: not recorded
      await fetcher.close();
      await writer.close();
      expect(writer.written.pages).toBe(3);

      // HTTP pages are stored as the board sent them (brotli, Content-Encoding kept); Chromium's page decoded
      const stored: WarcEntry[] = [];
      await scanWarc(path, (entry) => {
        if (entry.type === "response" && entry.status === 200) stored.push(entry);
      });
      expect(stored).toHaveLength(2);
      for (const entry of stored) {
        const record = await readWarcResponse(path, entry);
        expect(record.storedBytes).toBe(entry.payloadBytes);
        if (name === "HTTP") {
          expect(record.headers["content-encoding"]).toBe("br");
          expect(record.storedBytes).toBeLessThan(record.payload.byteLength);
        } else {
          expect(record.headers["content-encoding"]).toBeUndefined();
          expect(record.storedBytes).toBe(record.payload.byteLength);
        }
      }

      b.resetStats();
      const archive = await ArchiveFetcher.open(path);
      expect(archive.damage).toBeNull();
      expect(archive.pages).toBe(3);
      for (const [url, fetched] of [
        [listing, live.listing],
        [detail, live.detail],
      ] as const) {
        const served = await archive.fetch({ url, purpose: "listing" });
        expect(served.status).toBe(200);
        expect(served.body).toBe(fetched.body);
      }
      const again = await archive.fetch({ url: gone, purpose: "detail" }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(HttpStatusError);
      expect((again as HttpStatusError).status).toBe((goneError as HttpStatusError).status);
      await expect(archive.fetch({ url: `${b.url}/`, purpose: "probe" })).rejects.toBeInstanceOf(NotInArchiveError);
      expect(b.stats().total).toBe(0);
    }, 60_000);
  }
});

describe("reopening an archive a crash left half written", () => {
  it("cuts off the half-written last record and appends after the last whole one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-reopen-"));
    try {
      const path = join(dir, "job.warc.gz");
      const page = (n: number) => ({
        purpose: "detail" as const,
        fetchedAt: new Date(),
        request: { url: `http://board.test/p${n}`, method: "GET" as const, headers: {} },
        response: {
          url: `http://board.test/p${n}`,
          status: 200,
          headers: { "content-type": "text/html; charset=utf-8" },
          payload: new TextEncoder().encode(`<html>page ${n} ${"x".repeat(5000)}</html>`),
        },
      });
      const first = await WarcWriter.open(path, "test");
      await first.record(page(1));
      await first.record(page(2));
      await first.close();
      const before = await ArchiveFetcher.open(path);
      const whole = statSync(path).size;
      truncateSync(path, whole - 40); // the crash: page 2's response record is cut
      const second = await WarcWriter.open(path, "test");
      expect(second.repaired?.reason).toBe("truncated record (the file ends inside it)");
      await second.record(page(3));
      await second.close();
      const after = await ArchiveFetcher.open(path);
      expect(before.pages).toBe(2);
      expect(after.damage).toBeNull();
      expect(after.has("http://board.test/p1")).toBe(true);
      expect(after.has("http://board.test/p2")).toBe(false);
      expect((await after.fetch({ url: "http://board.test/p3" })).body).toContain("page 3");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a page stored compressed that does not decode", () => {
  it("is a damaged record of that page only: its offset and the decoder's reason, the other pages served", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-badbody-"));
    try {
      const path = join(dir, "job.warc.gz");
      const page = (n: number, headers: Record<string, string>, body: string) => ({
        purpose: "detail" as const,
        fetchedAt: new Date(),
        request: { url: `http://board.test/p${n}`, method: "GET" as const, headers: {} },
        response: { url: `http://board.test/p${n}`, status: 200, headers, payload: new TextEncoder().encode(body) },
      });
      const writer = await WarcWriter.open(path, "test");
      await writer.record(page(1, { "content-type": "text/html", "content-encoding": "br" }, "not brotli at all"));
      await writer.record(page(2, { "content-type": "text/html" }, "<html>page 2</html>"));
      await writer.close();
      const archive = await ArchiveFetcher.open(path);
      const failure = await archive.fetch({ url: "http://board.test/p1" }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ArchiveRecordError);
      expect((failure as Error).message).toMatch(
        /at offset \d+ cannot be read: record at offset \d+ is damaged: bad br body/,
      );
      expect((await archive.fetch({ url: "http://board.test/p2" })).body).toBe("<html>page 2</html>");
      await archive.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
