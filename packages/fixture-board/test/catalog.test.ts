import { afterEach, describe, expect, it } from "vitest";
import { BoardOptionsError, type FixtureBoard, type FixtureBoardOptions, startFixtureBoard } from "../src";
import { get } from "./http-get";

const boards: FixtureBoard[] = [];
async function board(options: FixtureBoardOptions = {}): Promise<FixtureBoard> {
  const b = await startFixtureBoard({ pageWeightBytes: 0, ...options });
  boards.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(boards.splice(0).map((b) => b.close()));
});

const pagePath = (b: FixtureBoard, keyword: string, page: number) => b.listingUrl(keyword, page).slice(b.url.length);

describe("deterministic content", () => {
  it("serves byte-identical pages for the same seed, other pages for another seed", async () => {
    const [a, b, c] = [await board({ seed: 3 }), await board({ seed: 3 }), await board({ seed: 4 })];
    const body = async (x: FixtureBoard) => (await get(x.url + pagePath(x, "ke-toan", 1))).body.toString("utf8");
    const strip = (html: string, x: FixtureBoard) => html.replaceAll(x.url, "ORIGIN");
    expect(strip(await body(a), a)).toBe(strip(await body(b), b));
    expect(strip(await body(a), a)).not.toBe(strip(await body(c), c));
    expect(a.expectedCards("ke-toan").map((x) => x.external_id)).toEqual(
      b.expectedCards("ke-toan").map((x) => x.external_id),
    );
  });

  it("accepts any keyword slug and a page count per keyword", async () => {
    const b = await board({ pagesPerKeyword: (k) => (k === "rare" ? 1 : 3), cardsPerPage: 5 });
    expect(b.pageCount("rare")).toBe(1);
    expect(b.pageCount("anything-at-all-123")).toBe(3);
    expect(b.expectedCards("anything-at-all-123", 2)).toHaveLength(10);
    expect(() => b.expectedCards("Not A Slug")).toThrow(/not a keyword slug/);
  });

  it("lists some postings under two keywords with the same id, never twice under one", async () => {
    const b = await board({ pagesPerKeyword: 3 });
    const python = b.expectedCards("python-developer").map((c) => c.external_id);
    const java = b.expectedCards("java-developer").map((c) => c.external_id);
    const shared = python.filter((id) => java.includes(id));
    expect(shared.length).toBeGreaterThanOrEqual(10);
    expect(new Set(python).size).toBe(python.length);
    const id = shared[0] ?? "";
    expect(b.expectedCards("python-developer").find((c) => c.external_id === id)).toMatchObject({
      title: b.posting(id).title,
      url: b.posting(id).url,
    });
  });

  it("uses every salary form of the samples and old and new province names", async () => {
    const b = await board({ pagesPerKeyword: 10 });
    const cards = ["python-developer", "ke-toan", "sales"].flatMap((k) => b.expectedCards(k));
    const salaries = new Set(cards.map((c) => c.salary_text));
    for (const form of [
      "Thoả thuận",
      "Thỏa thuận",
      "10 - 15 triệu",
      "Tới 20 triệu",
      "Từ 10 triệu",
      "Trên 10 triệu",
      "1,000 - 2,000 USD",
      "15.5 triệu",
    ]) {
      expect(salaries).toContain(form);
    }
    const places = new Set(cards.map((c) => c.location_text));
    expect([...places]).toEqual(expect.arrayContaining(["Hà Nội", "Bình Dương", "TP.HCM"]));
    expect([...places].some((p) => /^.+ & \d nơi khác$/.test(p))).toBe(true);
    expect([...places].some((p) => p.includes(", "))).toBe(true);
    expect(cards.some((c) => c.url.includes("/brand/"))).toBe(true);
    expect(cards.some((c) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/.test(c.title))).toBe(true);
  });

  it("adds hostile postings only when asked", async () => {
    const calm = await board({ pagesPerKeyword: 4 });
    const hostile = await board({ pagesPerKeyword: 4, hostilePostings: true });
    const postings = (x: FixtureBoard) => x.expectedCards("python-developer").map((c) => x.posting(c.external_id));
    expect(postings(calm).some((p) => p.hostile)).toBe(false);
    const bad = postings(hostile).filter((p) => p.hostile);
    expect(bad.length).toBeGreaterThan(10);
    const card = hostile.expectedCards("python-developer").find((c) => hostile.posting(c.external_id).hostile);
    if (!card) throw new Error("no hostile card");
    const posting = hostile.posting(card.external_id);
    expect(posting.title).toContain("<script>");
    expect(posting.description_html).toMatch(/onerror=/);
    expect(posting.description_html).toMatch(/javascript:/);
    expect(posting.description_html).toMatch(/expression\(/);
    // the title is text: escaped in the listing; the description is the employer's HTML: served raw
    const listing = (await get(hostile.listingUrl("python-developer", card.page))).body.toString("utf8");
    expect(listing).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    const detail = (await get(posting.url)).body.toString("utf8");
    expect(detail).toContain(`<img src="x" onerror="alert('img')">`);
  });
});

describe("options", () => {
  it("rejects bad options with a message naming the field", async () => {
    await expect(startFixtureBoard({ cardsPerPage: 0 })).rejects.toThrow(
      /cardsPerPage must be an integer from 1 to 100, got 0/,
    );
    await expect(startFixtureBoard({ pagesPerKeyword: 251 })).rejects.toThrow(BoardOptionsError);
    await expect(startFixtureBoard({ pagesPerKeyword: 201, cardsPerPage: 50 })).rejects.toThrow(
      "pagesPerKeyword × cardsPerPage must be at most 10000, got 201 × 50",
    );
    await expect(startFixtureBoard({ hostilePostings: 2 })).rejects.toThrow(/hostilePostings/);
    await expect(startFixtureBoard({ faults: [{ type: "status", status: 99 }] })).rejects.toThrow(
      /faults\[0\]\.status/,
    );
    const b = await board({ pagesPerKeyword: () => -1 });
    expect(() => b.pageCount("x")).toThrow(/pagesPerKeyword\("x"\) must be an integer/);
    expect(() => b.posting(5)).toThrow(/never lists a posting with id 5/);
  });

  it("listens on a free port of 127.0.0.1 by default and closes idempotently", async () => {
    const b = await startFixtureBoard({ pageWeightBytes: 0 });
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(b.port).toBeGreaterThan(0);
    await b.close();
    await b.close();
    await expect(get(`${b.url}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
