import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { readWarcIndependently } from "./warc-independent-reader";

/** Headers that say how the bytes travelled (or when), not what the page is. */
const TRANSPORT = new Set([
  "date",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "vary",
]);
const content = (headers: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !TRANSPORT.has(name.toLowerCase()))
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(", ") : String(value)]),
  );

describe.each(databaseKinds())("page archive written by a sync job on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-archive-"));
    board = await startBoard({ seed: 14, pagesPerKeyword: 2 });
    t = await createTestApp(kind, { archiveDir: dir }, { worker: true });
    await createSource(t, "Archived", board.url, { search_keywords: ["ke-toan"], max_pages: 2, max_jobs: 60 });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes every listing and detail page as WARC request + response records that read back as the board served them", async () => {
    board.resetStats();
    const job = await waitFinal(t, (await startSync(t, "Archived")).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    const served = board.stats().requests.filter((r) => r.kind === "listing" || r.kind === "detail");
    const path = join(dir, `${job.job_id}.warc.gz`);
    const records = readWarcIndependently(path);
    expect(records[0]!.fields["warc-type"]).toBe("warcinfo");
    const responses = records.filter((r) => r.fields["warc-type"] === "response");
    const requests = records.filter((r) => r.fields["warc-type"] === "request");
    expect(responses.length).toBe(served.length);
    expect(requests.length).toBe(served.length);
    expect(job.archive).toEqual({ bytes: statSync(path).size, pages: served.length });
    expect(
      new Set(
        responses.map(
          (r) => new URL(r.fields["warc-target-uri"]!).pathname + new URL(r.fields["warc-target-uri"]!).search,
        ),
      ),
    ).toEqual(new Set(served.map((r) => r.url)));
    const responseIds = new Set(responses.map((r) => r.fields["warc-record-id"]));
    for (const req of requests) expect(responseIds.has(req.fields["warc-concurrent-to"])).toBe(true);
    for (const record of [...requests, ...responses]) {
      expect(record.fields["warc-block-digest"]).toBe(record.blockDigest);
    }
    for (const record of responses) {
      const uri = record.fields["warc-target-uri"]!;
      expect(record.fields["warc-payload-digest"]).toBe(record.payloadDigest);
      // what the board serves for that URL to the sync's Accept-Encoding: the very bytes, still compressed
      const live = await request(uri, { headers: { "accept-encoding": "gzip, deflate, br" } });
      const sent = Buffer.from(await live.body.arrayBuffer());
      expect(record.http!.status, uri).toBe(live.statusCode);
      expect(record.payloadDigest, uri).toBe(`sha256:${createHash("sha256").update(sent).digest("hex")}`);
      expect(content(record.http!.headers), uri).toEqual(content(live.headers));
      expect(record.http!.headers["content-encoding"], uri).toBe(live.headers["content-encoding"]);
      expect(record.http!.headers["content-length"]).toBe(String(sent.length));
      // and, decoded, the page itself
      const plain = await request(uri, { headers: { "accept-encoding": "identity" } });
      expect(brotliDecompressSync(record.http!.payload).equals(Buffer.from(await plain.body.arrayBuffer()))).toBe(true);
    }
  });

  it("archives nothing when the source says archive: false", async () => {
    await createSource(t, "NotArchived", board.url, {
      search_keywords: ["ke-toan"],
      max_pages: 1,
      fetch_details: false,
      archive: false,
    });
    const job = await waitFinal(t, (await startSync(t, "NotArchived")).json().job_id);
    expect(job.status).toBe("completed");
    expect(job.archive).toBeNull();
    expect(() => statSync(join(dir, `${job.job_id}.warc.gz`))).toThrow();
  });
});
