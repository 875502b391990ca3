import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArchiveFetcher } from "../../src/archive/archive-fetcher";
import type { RecordedPage } from "../../src/archive/recorded-page";
import { WarcWriter } from "../../src/archive/warc-writer";

/** A listing page of the size TopCV serves (~1 MB), different on every page so a mixed-up record shows. */
function bigPage(n: number): Uint8Array {
  const cards = Array.from({ length: 2_000 }, (_, i) => `<div class="job-item" data-n="${n}-${i}">Kế toán ${i}</div>`);
  return new TextEncoder().encode(`<html><body>${cards.join("\n")}${"<!-- padding -->".repeat(50_000)}</body></html>`);
}

const page = (n: number, payload: Uint8Array): RecordedPage => ({
  purpose: "listing",
  fetchedAt: new Date(),
  request: { url: `http://board.test/list?page=${n}`, method: "GET", headers: {} },
  response: {
    url: `http://board.test/list?page=${n}`,
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "content-length": String(payload.byteLength) },
    payload,
  },
});

/**
 * Listing pages of a real board's size (~1 MB) read back whole, several at once as a re-process reads them: each
 * record's payload is the page that was recorded, byte for byte.
 */
describe("an archive of 1 MB pages", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-large-pages-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves every page back whole, read concurrently", async () => {
    const path = join(dir, "big.warc.gz");
    const pages = Array.from({ length: 8 }, (_, n) => bigPage(n));
    expect(pages[0]!.byteLength).toBeGreaterThan(800_000);
    const writer = await WarcWriter.open(path, "test");
    await Promise.all(pages.map((payload, n) => writer.record(page(n, payload))));
    await writer.close();
    const archive = await ArchiveFetcher.open(path);
    expect(archive.damage).toBeNull();
    expect(archive.pages).toBe(pages.length);
    const served = await Promise.all(
      pages.map((_, n) => archive.fetch({ url: `http://board.test/list?page=${n}`, purpose: "listing" })),
    );
    const digest = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    served.forEach((response, n) => {
      expect(response.payload?.byteLength, `page ${n}`).toBe(pages[n]!.byteLength);
      expect(digest(response.payload!), `page ${n}`).toBe(digest(pages[n]!));
      expect(response.body).toBe(new TextDecoder().decode(pages[n]!));
    });
  }, 60_000);
});
