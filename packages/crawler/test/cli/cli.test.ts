import { describe, it } from "vitest";
import { samplePath } from "../adapters/samples";
import { runCli } from "./run-cli";

const PAGE_1 = samplePath("topcv/listing-ke-toan-page1-of-112.html");
const PAGE_112 = samplePath("topcv/listing-ke-toan-page112-last.html");
const DETAIL = samplePath("topcv/detail-2100892-excerpt.html");
const CHALLENGE = samplePath("topcv/cloudflare-challenge-excerpt.html");
const ITVIEC = samplePath("itviec/company-jobs-page.html");

describe.concurrent("run.ts parse (real entry, child process)", () => {
  it("prints one JSON job posting per card of a listing page", async ({ expect }) => {
    const result = await runCli([
      "parse",
      "--adapter",
      "topcv",
      "--page",
      "listing",
      "--crawled-at",
      "2025-10-18T05:00:00Z",
      PAGE_1,
    ]);
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(50);
    const first = JSON.parse(result.lines[0] ?? "{}");
    expect(Object.keys(first).slice(0, 6)).toEqual(["external_id", "url", "title", "company", "salary", "locations"]);
    expect(first).toMatchObject({
      external_id: "1914785",
      url: "https://www.topcv.vn/viec-lam/ke-toan-tong-hop-upto-16tr-quan-1-hcm/1914785.html",
      title: "Kế Toán Tổng Hợp - Upto 16tr - Quận 1, HCM",
      company: "Công ty TNHH TM XNK Kiến Nam",
      salary: {
        raw: "12 - 16 triệu",
        min: 12_000_000,
        max: 16_000_000,
        currency: "VND",
        period: "month",
        negotiable: false,
      },
      locations: ["Hồ Chí Minh"],
      provinces: ["Hồ Chí Minh"],
      posted_at: "2025-10-16T05:00:00.000Z",
    });
    expect(result.stderr).toContain(
      "50 job postings from page 1 / 112; last page: no; next: https://www.topcv.vn/tim-viec-lam-ke-toan-cr392cb393?page=2",
    );
  });

  it("reports the last page", async ({ expect }) => {
    const result = await runCli(["parse", "--adapter=topcv", "--page=listing", PAGE_112]);
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(43);
    expect(result.stderr).toContain("43 job postings from page 112 / 112; last page: yes");
  });

  it("prints one JSON object for a detail page", async ({ expect }) => {
    const result = await runCli(["parse", "--adapter", "topcv", "--page", "detail", DETAIL]);
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(JSON.parse(result.lines[0] ?? "{}")).toMatchObject({
      external_id: "2100892",
      url: "https://www.topcv.vn/viec-lam/ky-su-ai-ai-engineer/2100892.html",
      title: "Kỹ Sư AI - AI Engineer",
      company: "CÔNG TY TNHH JUNIOR DEVS",
      salary: { min: 30_000_000, max: 40_000_000, currency: "VND" },
      locations: ["Hà Nội: Phường Tây Mỗ (quận Nam Từ Liêm cũ)"],
      provinces: ["Hà Nội"],
      deadline: "2026-04-29",
      level: "Nhân viên",
    });
  });

  it("--help prints the usage", async ({ expect }) => {
    const result = await runCli(["parse", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^usage: parse --adapter <topcv\|itviec\|css\|greenhouse\|lever> --page <listing\|detail>/,
    );
  });

  // The full table of bad input runs in-process in commands.test.ts; here a few go through the real entry.
  it.for<[string[], string]>([
    [
      ["parse", "--adapter", "monster", "--page", "listing", PAGE_1],
      'error: unknown adapter "monster": known adapters are topcv, itviec, css, greenhouse, lever',
    ],
    [
      ["parse", "--adapter", "topcv", "--page", "search", PAGE_1],
      'error: unknown page type "search": use listing or detail',
    ],
    [["parse", "--adapter", "topcv", "--page", "listing"], "error: missing FILE: the saved HTML page to parse"],
    [
      ["parse", "--adapter", "topcv", "--page", "listing", "/no/such/page.html"],
      "error: cannot read /no/such/page.html: no such file",
    ],
    [
      ["parse", "--adapter", "topcv", "--page", "listing", CHALLENGE],
      "error: blocked by the site: Cloudflare challenge (Just a moment...)",
    ],
    [["parse", "--adapter", "topcv", "--page", "listing", ITVIEC], "error: not a TopCV listing page"],
    [["frobnicate"], 'error: unknown command "frobnicate": use parse or normalize'],
    [[], "error: missing command: parse or normalize"],
  ])("exits 1 with a clear message: %j", async ([args, message], { expect }) => {
    const result = await runCli(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });
});

describe.concurrent("run.ts normalize (real entry, child process)", () => {
  it("normalises salaries, one JSON object per line", async ({ expect }) => {
    const result = await runCli(
      ["normalize", "salary"],
      "10 - 15 triệu\nThoả thuận\nTới 2,500 USD\n24 k - 25 k /giờ\nTới 150 k /sp\ngarbage\n",
    );
    expect(result.code).toBe(0);
    const vnd = { currency: "VND", negotiable: false };
    expect(result.lines.map((line) => JSON.parse(line))).toEqual([
      {
        ...vnd,
        raw: "10 - 15 triệu",
        min: 10_000_000,
        max: 15_000_000,
        period: "month",
        monthly_vnd: { min: 10_000_000, max: 15_000_000 },
      },
      { raw: "Thoả thuận", min: null, max: null, currency: null, period: null, negotiable: true, monthly_vnd: null },
      {
        raw: "Tới 2,500 USD",
        min: null,
        max: 2500,
        currency: "USD",
        period: "month",
        negotiable: false,
        monthly_vnd: { min: null, max: 62_500_000 },
      },
      {
        ...vnd,
        raw: "24 k - 25 k /giờ",
        min: 24_000,
        max: 25_000,
        period: "hour",
        monthly_vnd: { min: 4_992_000, max: 5_200_000 },
      },
      { ...vnd, raw: "Tới 150 k /sp", min: null, max: 150_000, period: "piece", monthly_vnd: null },
      {
        raw: "garbage",
        min: null,
        max: null,
        currency: null,
        period: null,
        negotiable: false,
        monthly_vnd: null,
      },
    ]);
  });

  it("normalises locations", async ({ expect }) => {
    const result = await runCli(["normalize", "location"], "Hà Nội & 2 nơi khác\r\nTP.HCM\nBình Dương\nToàn Quốc\n");
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => JSON.parse(line))).toEqual([
      { input: "Hà Nội & 2 nơi khác", provinces: ["Hà Nội"], extra: 2 },
      { input: "TP.HCM", provinces: ["Hồ Chí Minh"], extra: 0 },
      { input: "Bình Dương", provinces: ["Hồ Chí Minh"], extra: 0 },
      { input: "Toàn Quốc", provinces: [], extra: 0 },
    ]);
  });

  it("normalises experience", async ({ expect }) => {
    const result = await runCli(
      ["normalize", "experience"],
      "Dưới 1 năm\nTrên 5 năm\n3+ years of experience\nSenior\n",
    );
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => JSON.parse(line))).toEqual([
      { input: "Dưới 1 năm", min_years: 0, max_years: 1 },
      { input: "Trên 5 năm", min_years: 5, max_years: null },
      { input: "3+ years of experience", min_years: 3, max_years: null },
      { input: "Senior", min_years: null, max_years: null },
    ]);
  });

  it("normalises deadlines and relative dates against --now", async ({ expect }) => {
    const result = await runCli(
      ["normalize", "date", "--now", "2025-10-18T05:00:00Z"],
      "Hạn nộp hồ sơ: 30/11/2025\n31/02/2025\nCập nhật 3 ngày trước\nhôm qua\n",
    );
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => JSON.parse(line))).toEqual([
      { input: "Hạn nộp hồ sơ: 30/11/2025", date: "2025-11-30", kind: "deadline" },
      { input: "31/02/2025", date: null, kind: null },
      { input: "Cập nhật 3 ngày trước", date: "2025-10-15T05:00:00.000Z", kind: "relative" },
      { input: "hôm qua", date: "2025-10-17T05:00:00.000Z", kind: "relative" },
    ]);
  });

  it("exits 1 with a clear message on an unknown kind", async ({ expect }) => {
    const result = await runCli(["normalize", "phone"], "10 triệu\n");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('error: unknown normalize kind "phone": use salary, location, experience or date');
  });

  it("--help prints the usage", async ({ expect }) => {
    const result = await runCli(["normalize", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: normalize <salary\|location\|experience\|date>/);
  });
});
