import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBulkSource, insertPostings, type PostingSeed } from "../support/posting-rows";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

/**
 * A judged corpus: for each query, which postings are relevant (must come first) and which are not (must come after
 * every relevant one, or not at all). The irrelevant postings are the newest, so recency alone would fail.
 */
const ACCOUNTING = ["Kế toán tổng hợp", "Nhân viên kế toán công nợ", "Kế toán trưởng - Thuế"];
const PLANNING = [
  { title: "Nhân viên kế hoạch sản xuất", description: "<p>Làm việc toàn thời gian tại nhà máy.</p>" },
  { title: "Chuyên viên kế hoạch kinh doanh toàn quốc", description: "<p>Lập kế hoạch, báo cáo toàn bộ.</p>" },
  { title: "Trưởng phòng kế hoạch", description: "<p>Toàn quyền điều phối kế hoạch.</p>" },
];
const PYTHON = ["Lập trình Python (Django)", "Lập trình viên Python", "Lập trình viên Backend Python/Go"];
const NOT_PYTHON = [
  { title: "Lập trình viên Java", description: "<p>Lập trình Java Spring. Biết Python là lợi thế.</p>" },
  { title: "Giáo viên dạy lập trình", description: "<p>Dạy lập trình Scratch cho trẻ em.</p>" },
  { title: "Kỹ sư dữ liệu", description: "<p>Có kinh nghiệm lập trình Python, SQL.</p>" },
];

describe.each(databaseKinds())("search relevance on a judged corpus on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const source = await createBulkSource(t, "Judged");
    const old = (title: string): PostingSeed => ({ title, seenSecsAgo: 86_400 });
    await insertPostings(t, source, [
      ...ACCOUNTING.map(old),
      ...PYTHON.map(old),
      // the irrelevant ones are newer
      ...PLANNING.map((p) => ({ ...p, seenSecsAgo: 10 })),
      ...NOT_PYTHON.map((p) => ({ ...p, seenSecsAgo: 10 })),
      { title: "Nhân viên bán hàng toàn thời gian", description: "<p>Hỗ trợ kế toán khi cần.</p>", seenSecsAgo: 5 },
    ]);
  }, 120_000);
  afterAll(() => t.close());

  const titles = async (q: string): Promise<string[]> => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?q=${encodeURIComponent(q)}&page_size=50` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((i: { title: string }) => i.title);
  };

  it.each(["ke toan", "kế toán", "KE TOAN", "ke toa"])(
    "'%s' finds accounting jobs before any 'kế hoạch' one",
    async (q) => {
      const found = await titles(q);
      expect(found.slice(0, 3).sort()).toEqual([...ACCOUNTING].sort());
      // "kế hoạch … toàn thời gian" is not the phrase "kế toán": only a title holding both syllables may follow
      expect(found).not.toContain(PLANNING[0]!.title);
      expect(found).not.toContain(PLANNING[2]!.title);
      // a description that says "kế toán" still matches, after the titles
      expect(found.slice(3).sort()).toEqual([
        "Chuyên viên kế hoạch kinh doanh toàn quốc",
        "Nhân viên bán hàng toàn thời gian",
      ]);
    },
  );

  it.each(["lap trinh python", "Lập trình Python", "lap trinh pyth"])(
    "'%s' finds Python developers first",
    async (q) => {
      const found = await titles(q);
      expect(found.slice(0, 3).sort()).toEqual([...PYTHON].sort());
      // the phrase in the title first
      expect(found[0]).toBe("Lập trình Python (Django)");
      // then the phrase in a description; a Java job that merely mentions Python does not match
      expect(found.slice(3)).toEqual(["Kỹ sư dữ liệu"]);
    },
  );

  it("ranks title hits above newer description hits for one word, and says the relevance in rank", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/jobs?q=python&page_size=50" });
    const items = res.json().items as Array<{ title: string; rank: number }>;
    expect(
      items
        .slice(0, 3)
        .map((i) => i.title)
        .sort(),
    ).toEqual([...PYTHON].sort());
    expect(
      items
        .slice(3)
        .map((i) => i.title)
        .sort(),
    ).toEqual(["Kỹ sư dữ liệu", "Lập trình viên Java"]);
    expect(items[0]!.rank).toBeGreaterThan(items[items.length - 1]!.rank);
  });

  it("pages by cursor across the relevance tiers: one at a time gives the same order as one page", async () => {
    const all = await titles("lap trinh python");
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/jobs?q=lap%20trinh%20python&page_size=1${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(all.length);
      paged.push(...body.items.map((i: { title: string }) => i.title));
      cursor = body.next_cursor;
    } while (cursor);
    expect(paged).toEqual(all);
    // page= crosses the tiers the same way
    const third = await t.app.inject({ method: "GET", url: "/api/v1/jobs?q=lap%20trinh%20python&page_size=1&page=4" });
    expect(third.json().items.map((i: { title: string }) => i.title)).toEqual([all[3]]);
  });
});
