import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io";
import { normalizeCommand } from "../../src/cli/normalize-command";
import { parseCommand } from "../../src/cli/parse-command";
import { samplePath } from "../adapters/samples";

/** The commands in-process, as the server's `npm run cli` calls them, with the real samples and real files. */
function capture(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: Readable.from([stdin]), stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  return { io, out, err };
}

const PAGE_1 = samplePath("topcv/listing-ke-toan-page1-of-112.html");
const DETAIL = samplePath("topcv/detail-2100892-excerpt.html");

describe("parseCommand", () => {
  it.each([
    [["--page", "listing", PAGE_1], "error: missing --adapter (one of: topcv, itviec, css, greenhouse, lever)"],
    [
      ["--adapter", "monster", "--page", "listing", PAGE_1],
      'error: unknown adapter "monster": known adapters are topcv, itviec, css, greenhouse, lever',
    ],
    [["--adapter", "topcv", PAGE_1], "error: missing --page (listing or detail)"],
    [["--adapter", "topcv", "--page", "search", PAGE_1], 'error: unknown page type "search": use listing or detail'],
    [["--adapter", "topcv", "--page", "listing"], "error: missing FILE: the saved HTML page to parse"],
    [["--adapter", "topcv", "--page", "listing", PAGE_1, DETAIL], "error: give one FILE, got 2"],
    [["--adapter"], "error: --adapter needs a value"],
    [["--adapter", "--page", "listing"], "error: --adapter needs a value"],
    [["--adapter=", "--page", "listing"], "error: --adapter needs a value"],
    [["--adapter", "topcv", "--adapter", "topcv"], "error: --adapter is given twice"],
    [["--adapter", "topcv", "--page", "listing", "--pages", "3", PAGE_1], "error: unknown option --pages"],
    [
      ["--adapter", "topcv", "--page", "listing", "--url", "file:///x", PAGE_1],
      'error: --url must be an http(s) URL, got "file:///x"',
    ],
    [
      ["--adapter", "topcv", "--page", "listing", "--crawled-at", "yesterday", PAGE_1],
      "error: --crawled-at must be an ISO date-time",
    ],
    [
      ["--adapter", "topcv", "--page", "listing", "--crawled-at", "2025-13-45", PAGE_1],
      "error: --crawled-at must be an ISO date-time",
    ],
    [
      ["--adapter", "topcv", "--page", "listing", "/no/such/page.html"],
      "error: cannot read /no/such/page.html: no such file",
    ],
    [
      ["--adapter", "topcv", "--page", "listing", tmpdir()],
      `error: cannot read ${tmpdir()}: it is a directory, not a file`,
    ],
    [
      ["--adapter", "topcv", "--page", "listing", samplePath("topcv/cloudflare-challenge-excerpt.html")],
      "error: blocked by the site",
    ],
    [
      ["--adapter", "topcv", "--page", "detail", samplePath("itviec/company-jobs-page.html")],
      "error: not a TopCV job detail page",
    ],
    [["--adapter", "topcv", "--page", "listing", DETAIL], "error: not a TopCV listing page"],
  ])("exits 1 with a clear message: %j", async (args, message) => {
    const { io, out, err } = capture();
    expect(await parseCommand(args, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toContain(message);
  });

  it("a page that is not what was asked for is named by its own URL (its canonical link), else by the file", async () => {
    const itviec = capture();
    await parseCommand(
      ["--adapter", "topcv", "--page", "listing", samplePath("itviec/company-jobs-page.html")],
      itviec.io,
    );
    expect(itviec.err[0]).toMatch(
      /^error: not a TopCV listing page: .* \(https:\/\/itviec\.com\/companies\/mb-bank\)$/,
    );
    const topcv = capture();
    await parseCommand(["--adapter", "itviec", "--page", "listing", PAGE_1], topcv.io);
    expect(topcv.err[0]).toMatch(/\(https:\/\/www\.topcv\.vn\/tim-viec-lam-ke-toan-cr392cb393\)$/);
    const dir = mkdtempSync(join(tmpdir(), "jobsync-cli-"));
    const file = join(dir, "other.html");
    writeFileSync(file, "<html><title>Other</title><body>hi</body></html>");
    const bare = capture();
    await parseCommand(["--adapter", "itviec", "--page", "listing", file], bare.io);
    expect(bare.err[0]).toBe(`error: not an ITviec listing page: no .job-card and no ITviec page markers (${file})`);
    expect(bare.err[0]).not.toContain("https://itviec.com/");
  });

  it("prints the usage after a usage error, not after a parse error", async () => {
    const usage = capture();
    await parseCommand(["--adapter", "x"], usage.io);
    expect(usage.err[1]).toMatch(/^usage: parse/);
    const parse = capture();
    await parseCommand(["--adapter", "topcv", "--page", "listing", DETAIL], parse.io);
    expect(parse.err).toHaveLength(1);
  });

  it("--help wins over everything else", async () => {
    const { io, out } = capture();
    expect(await parseCommand(["--adapter", "nope", "-h"], io)).toBe(0);
    expect(out[0]).toMatch(/^usage: parse/);
  });

  it("resolves the cards' links against --url", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-cli-"));
    const file = join(dir, "listing.html");
    writeFileSync(
      file,
      `<div class="job-list-search-result"><div class="job-item-search-result" data-job-id="7">
        <h3 class="title"><a href="/viec-lam/ke-toan/7.html?ta_source=x&amp;u_sr_id=y&amp;keep=1"><span>Kế toán</span></a></h3>
        <label class="title-salary">Tới 20 triệu</label><label class="address"><span class="city-text">Hà Nam</span></label>
      </div></div>`,
    );
    const { io, out, err } = capture();
    expect(
      await parseCommand(
        ["--adapter", "topcv", "--page", "listing", "--url", "http://127.0.0.1:40123/tim-viec-lam-ke-toan", file],
        io,
      ),
    ).toBe(0);
    expect(JSON.parse(out[0] ?? "{}")).toMatchObject({
      external_id: "7",
      url: "http://127.0.0.1:40123/viec-lam/ke-toan/7.html?keep=1",
      salary: { max: 20_000_000 },
      provinces: ["Ninh Bình"],
    });
    expect(err.at(-1)).toBe("1 job postings from a page; last page: no");
  });

  it("reports skipped cards and postings that cannot be stored on stderr, and goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-cli-"));
    const file = join(dir, "listing.html");
    const card = (id: string, title: string, href = `/viec-lam/x/${id}.html`) =>
      `<div class="job-item-search-result" data-job-id="${id}"><h3 class="title"><a href="${href}"><span>${title}</span></a></h3></div>`;
    writeFileSync(
      file,
      `<div class="job-list-search-result">${card("1", "Ok")}${card("2", "")}${card("3".repeat(101), "Kế toán")}</div>`,
    );
    const { io, out, err } = capture();
    expect(await parseCommand(["--adapter", "topcv", "--page", "listing", file], io)).toBe(0);
    expect(out).toHaveLength(1);
    expect(err).toEqual([
      `skipped job posting ${"3".repeat(101)}: external id longer than 100 characters`,
      "skipped card 2: card has no title",
      "1 job postings from a page; last page: no",
    ]);
  });

  it("exits 1 on a detail page without a canonical URL, and works with --url", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-cli-"));
    const file = join(dir, "detail.html");
    writeFileSync(file, '<html><body><h1 class="job-detail__info--title">Kế toán</h1></body></html>');
    const without = capture();
    expect(await parseCommand(["--adapter", "topcv", "--page", "detail", file], without.io)).toBe(1);
    expect(without.err).toEqual(["error: the page has no canonical URL: give its URL with --url"]);
    const withUrl = capture();
    const url = "https://www.topcv.vn/viec-lam/ke-toan/9.html";
    expect(await parseCommand(["--adapter", "topcv", "--page", "detail", "--url", url, file], withUrl.io)).toBe(0);
    expect(JSON.parse(withUrl.out[0] ?? "{}")).toMatchObject({ external_id: "9", title: "Kế toán", url });
  });
});

describe("normalizeCommand", () => {
  it.each([
    [[], "error: missing what to normalize: salary, location, experience or date"],
    [["phone"], 'error: unknown normalize kind "phone": use salary, location, experience or date'],
    [["salary", "extra.txt"], 'error: unexpected argument "extra.txt": values are read from stdin'],
    [["date", "--now", "soon"], "error: --now must be an ISO date-time"],
    [["salary", "--adapter", "topcv"], "error: unknown option --adapter"],
  ])("exits 1 with a clear message: %j", async (args, message) => {
    const { io, out, err } = capture("10 triệu\n");
    expect(await normalizeCommand(args, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toContain(message);
  });

  it("prints nothing for empty input, and one object per line otherwise (CRLF too, no trailing newline)", async () => {
    const empty = capture("");
    expect(await normalizeCommand(["salary"], empty.io)).toBe(0);
    expect(empty.out).toEqual([]);
    const lines = capture("Hà Nội\r\n\r\nĐà Nẵng");
    expect(await normalizeCommand(["location"], lines.io)).toBe(0);
    expect(lines.out.map((l) => JSON.parse(l))).toEqual([
      { input: "Hà Nội", provinces: ["Hà Nội"], extra: 0 },
      { input: "", provinces: [], extra: 0 },
      { input: "Đà Nẵng", provinces: ["Đà Nẵng"], extra: 0 },
    ]);
  });
});
