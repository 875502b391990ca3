import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArchiveFetcher } from "../../src/archive/archive-fetcher";
import type { RecordedPage } from "../../src/archive/recorded-page";
import { indexPathFor } from "../../src/archive/warc-index";
import { scanWarc } from "../../src/archive/warc-reader";
import { WarcWriter } from "../../src/archive/warc-writer";

const page = (n: number, redirectedFrom?: string): RecordedPage => {
  const url = `http://board.test/p${n}`;
  return {
    purpose: "detail",
    fetchedAt: new Date(),
    request: { url: redirectedFrom ?? url, method: "GET", headers: {} },
    response: {
      url,
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      payload: new TextEncoder().encode(`<html>page ${n} ${"y".repeat(3000 + n)}</html>`),
    },
  };
};

async function writeArchive(path: string, pages: RecordedPage[]): Promise<void> {
  const writer = await WarcWriter.open(path, "test");
  for (const p of pages) await writer.record(p);
  await writer.close();
}

/**
 * The index a writer leaves next to its file: a re-process finds the records through it while the file is what the
 * writer left, and scans the file (finding its damage) once it is not.
 */
describe("the index of an archive's records", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-archive-index-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the same records, at the same offsets, as a scan of the file", async () => {
    const path = join(dir, "whole.warc.gz");
    await writeArchive(path, [page(1), page(2, "http://board.test/old-2"), page(3)]);
    const scanned: Array<[string | null, string | null, number, number]> = [];
    await scanWarc(path, (e) => {
      if (e.type === "response") scanned.push([e.url, e.requestedUrl, e.offset, e.length]);
    });
    const index = JSON.parse(readFileSync(indexPathFor(path), "utf8")) as {
      responses: Array<{ url: string; requestedUrl: string | null; offset: number; length: number }>;
    };
    expect(index.responses.map((r) => [r.url, r.requestedUrl, r.offset, r.length])).toEqual(scanned);
    const archive = await ArchiveFetcher.open(path);
    expect(archive.foundBy).toBe("index");
    expect(archive.pages).toBe(3);
    expect((await archive.fetch({ url: "http://board.test/old-2" })).body).toContain("page 2");
    await archive.close();
  });

  it("is not trusted once the file changed: the file is scanned and its damage found", async () => {
    const path = join(dir, "damaged.warc.gz");
    await writeArchive(path, [page(1), page(2), page(3)]);
    const offsets: number[] = [];
    await scanWarc(path, (e) => {
      if (e.type === "response") offsets.push(e.offset);
    });
    const bytes = readFileSync(path);
    bytes.fill(0x41, offsets[1]! + 20, offsets[1]! + 40); // same size, other bytes
    writeFileSync(path, bytes);
    const archive = await ArchiveFetcher.open(path);
    expect(archive.foundBy).toBe("scan");
    expect(archive.damage?.offset).toBe(offsets[1]);
    expect(archive.pages).toBe(1);
    await archive.close();
  });

  it("is written again, whole, when a later attempt appends to the file", async () => {
    const path = join(dir, "appended.warc.gz");
    await writeArchive(path, [page(1), page(2)]);
    await writeArchive(path, [page(3)]);
    const archive = await ArchiveFetcher.open(path);
    expect(archive.foundBy).toBe("index");
    expect(archive.pages).toBe(3);
    for (const n of [1, 2, 3])
      expect((await archive.fetch({ url: `http://board.test/p${n}` })).body).toContain(`page ${n}`);
    await archive.close();
    expect(existsSync(indexPathFor(path))).toBe(true);
  });
});
