import type { Server } from "node:http";
import type { JobPostingSummary } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { startTopcvSite, topcvPageWith, topcvZeroResultPage } from "../support/topcv-sample-site";

/** Real TopCV cards (the saved page 1 of "kế toán") carrying the pay periods and experience forms of issue 17. */
const CARDS = [
  { salary: "24 k - 25 k /giờ", experience: "Dưới 1 năm" }, // 5,200,000 a month
  { salary: "20 k - 22 k /giờ", experience: "Không yêu cầu" }, // 4,576,000 a month
  { salary: "Tới 150 k /sp", experience: "Không yêu cầu" }, // a piece rate: no monthly equivalent
  {
    salary: "10 - 15 triệu",
    experience: "2 năm",
    city: {
      shown: "Hồ Chí Minh & 2 nơi khác",
      places: ["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"],
    },
  },
  { salary: "3 - 4.5 triệu", experience: "1 năm" },
  { salary: "0.0 - 15 triệu", experience: "Trên 5 năm" },
  { salary: "300 k/ngày", experience: "6 tháng" }, // 7,800,000 a month
  { salary: "Thoả thuận", experience: "3 năm" },
  { salary: "1,000 - 2,000 USD", experience: "Từ 1 - 3 năm" },
  // hostile: a stray "\b" and NUL in the company name, a salary text of 300,000 characters
  { salary: `12 - 14 triệu ${"x".repeat(300_000)}`, experience: "1 năm", company: "Công ty\b TNHH ABC\u0000" },
];

describe.each(databaseKinds())("pay periods and experience in a real sync and the search on %s", (kind) => {
  let t: TestApp;
  let site: { server: Server; url: string };
  let rows: Array<{
    salary_raw: string | null;
    salary_period: string | null;
    salary_monthly_min_vnd: string | number | null;
    salary_monthly_max_vnd: string | number | null;
    experience: string | null;
    experience_min_years: number | null;
    experience_max_years: number | null;
    provinces: string[];
    company: string | null;
  }>;
  let steps: Awaited<ReturnType<typeof waitFinal>>["steps"];

  beforeAll(async () => {
    site = await startTopcvSite({ "ke-toan": topcvPageWith(CARDS), "khong-co-viec": topcvZeroResultPage() });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "TopCV-Local", site.url, {
      search_keywords: ["ke-toan", "khong-co-viec"],
      max_pages: 1,
      fetch_details: false,
    });
    const job = await waitFinal(t, (await startSync(t, "TopCV-Local")).json().job_id);
    expect(job.status, JSON.stringify(job.steps)).toBe("completed");
    expect(job.stats).toMatchObject({ jobs_found: CARDS.length, jobs_added: CARDS.length, jobs_invalid: 0 });
    steps = job.steps;
    rows = await queryRows(
      t.db.database.db,
      sql`SELECT salary_raw, salary_period, salary_monthly_min_vnd, salary_monthly_max_vnd, experience,
            experience_min_years, experience_max_years, provinces, company
          FROM job_postings ORDER BY id`,
    );
  });
  afterAll(async () => {
    await t.close();
    site.server.close();
  });

  const search = async (query: string): Promise<JobPostingSummary[]> => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?source=TopCV-Local&page_size=100&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const raws = (items: JobPostingSummary[]) => items.map((i) => i.salary.raw?.slice(0, 20)).sort();

  it("saves the search's results only: the zero-result search's 50 suggestions are not saved", () => {
    expect(rows).toHaveLength(CARDS.length);
    expect(steps.find((s) => s.key === "crawl_jobs")!.details).toContain("no results for khong-co-viec");
  });

  it("stores each pay period with its monthly equivalent, and the years of experience asked", () => {
    const stored = rows.map((r) => [
      r.salary_period,
      r.salary_monthly_min_vnd === null ? null : Number(r.salary_monthly_min_vnd),
      r.salary_monthly_max_vnd === null ? null : Number(r.salary_monthly_max_vnd),
      r.experience_min_years,
      r.experience_max_years,
    ]);
    expect(stored).toEqual([
      ["hour", 4_992_000, 5_200_000, 0, 1],
      ["hour", 4_160_000, 4_576_000, 0, null],
      ["piece", null, null, 0, null],
      ["month", 10_000_000, 15_000_000, 2, 2],
      ["month", 3_000_000, 4_500_000, 1, 1],
      ["month", null, 15_000_000, 5, null],
      ["day", 7_800_000, 7_800_000, 0.5, 0.5],
      [null, null, null, 3, 3],
      ["month", 25_000_000, 50_000_000, 1, 3],
      ["month", 12_000_000, 14_000_000, 1, 1],
    ]);
  });

  it("gives a card 'Hồ Chí Minh & 2 nơi khác' every province of its tooltip", () => {
    expect(rows[3]?.provinces).toEqual(["Hồ Chí Minh", "Đà Nẵng", "Hà Nội"]);
  });

  it("strips control characters and cuts an oversized text, saying so in Process Jobs", () => {
    expect(rows[9]?.company).toBe("Công ty TNHH ABC");
    expect(rows[9]?.salary_raw?.length).toBe(200);
    const processJobs = steps.find((s) => s.key === "process_jobs");
    expect(processJobs?.details).toContain("cut to the stored maximum (README: stored field limits): salary_raw in 1");
  });

  it("salary_min compares monthly equivalents: an hourly job is neither lost nor read as a monthly one", async () => {
    expect(raws(await search("salary_min=5000000"))).toEqual(
      ["24 k - 25 k /giờ", "10 - 15 triệu", "0.0 - 15 triệu", "300 k/ngày", "1,000 - 2,000 USD", "12 - 14 triệu xxxxxx"]
        .map((r) => r.slice(0, 20))
        .sort(),
    );
    expect(raws(await search("salary_min=5200001"))).not.toContain("24 k - 25 k /giờ");
    expect(raws(await search("salary_min=40000000"))).toEqual(["1,000 - 2,000 USD"]);
  });

  it("experience_max and experience_min filter by the years a posting asks for at least", async () => {
    const experience = (items: JobPostingSummary[]) => items.map((i) => i.experience).sort();
    expect(experience(await search("experience_max=1"))).toEqual(
      ["1 năm", "1 năm", "6 tháng", "Dưới 1 năm", "Không yêu cầu", "Không yêu cầu", "Từ 1 - 3 năm"].sort(),
    );
    expect(experience(await search("experience_max=0"))).toEqual(["Dưới 1 năm", "Không yêu cầu", "Không yêu cầu"]);
    expect(experience(await search("experience_min=3"))).toEqual(["3 năm", "Trên 5 năm"]);
    expect(experience(await search("experience_min=2&experience_max=3"))).toEqual(["2 năm", "3 năm"]);
    const item = (await search("experience_min=5"))[0];
    expect(item?.experience_years).toEqual({ min_years: 5, max_years: null });
  });

  it.each(["experience_max=-1", "experience_max=51", "experience_min=abc", "experience_min=1e9"])(
    "answers 400 to %s, naming the field",
    async (bad) => {
      const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${bad}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/experience_(max|min) must be a number of years from 0 to 50/);
    },
  );
});
