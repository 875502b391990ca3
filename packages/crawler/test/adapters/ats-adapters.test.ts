import { greenhouseConfigSchema, leverConfigSchema } from "@jobsync/contracts";
import { type FixtureBoard, leverId, payRange, startFixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParseError } from "../../src/adapters/adapter";
import { adapterForSource } from "../../src/adapters/registry";

/** Greenhouse and Lever sources read the fixture board's JSON endpoints over HTTP; salaries and places normalised. */
let board: FixtureBoard;
const crawledAt = new Date("2026-04-13T03:00:00.000Z");

beforeAll(async () => {
  board = await startFixtureBoard({ seed: 3, pagesPerKeyword: 2, cardsPerPage: 20 });
});
afterAll(async () => {
  await board?.close();
});

const get = async (url: string) => (await fetch(url)).text();

describe.each([
  ["greenhouse", greenhouseConfigSchema.parse({ board_token: "acme" }), (id: string) => id],
  ["lever", leverConfigSchema.parse({ company: "acme", company_name: "ignored for greenhouse" }), leverId],
] as const)("the %s adapter on the fixture board", (kind, config, idOf) => {
  const adapter = adapterForSource(kind, config);

  it("reads every posting from one answer, with its whole content; no detail pages", async () => {
    const targets = adapter.listingTargets(board.url, config);
    expect(targets).toHaveLength(1);
    expect(targets[0]?.maxPages).toBe(1);
    const url = targets[0]?.pageUrl(1) ?? "";
    const page = adapter.parseListing(await get(url), url);
    expect(adapter.parseDetail).toBeUndefined();
    expect(page).toMatchObject({ isLastPage: true, nextUrl: null, skipped: [] });
    const truth = [...new Map(board.expectedCards("acme").map((c) => [c.external_id, c])).values()];
    expect(page.cards.map((c) => c.external_id)).toEqual(truth.map((c) => idOf(c.external_id)));

    const drafts = page.cards.map((card) => adapter.toDraft(card, null, { crawledAt }));
    drafts.forEach((draft, i) => {
      const posting = board.posting(truth[i]?.external_id ?? "");
      expect(draft.title).toBe(posting.title);
      expect(draft.company).toBe(kind === "greenhouse" ? posting.company : "ignored for greenhouse");
      expect(draft.description_html).toContain("<li>");
      expect(draft.provinces.length).toBeGreaterThan(0);
      expect(draft.posted_at).toMatch(/^2026-04-/);
      const range = payRange(posting.salary_text);
      if (range) {
        expect(draft.salary).toMatchObject({
          min: range.min,
          max: range.max,
          currency: range.currency,
          period: "month",
        });
      } else {
        expect(draft.salary).toMatchObject({ raw: null, min: null, max: null });
      }
    });
    expect(drafts.some((d) => d.salary.min !== null)).toBe(true);
    if (kind === "lever") expect(drafts[0]?.requirements_html).toContain("<h3>Requirements</h3>");
  });

  it("refuses an answer that is not JSON or not the API's shape", () => {
    expect(() => adapter.parseListing("<html>oops</html>", "https://x.test/a")).toThrow(ParseError);
    expect(() => adapter.parseListing('{"message":"Document not found"}', "https://x.test/a")).toThrow(
      /not a (Greenhouse jobs|Lever postings) answer/,
    );
  });
});

describe("ATS records the adapters skip or refuse", () => {
  it("skips Greenhouse jobs without an id or title, with the reason", () => {
    const adapter = adapterForSource("greenhouse", greenhouseConfigSchema.parse({ board_token: "x" }));
    const page = adapter.parseListing(
      JSON.stringify({ jobs: [{ title: "A" }, { id: 2 }, { id: 3, title: "B", absolute_url: "https://x.test/3" }] }),
      "https://x.test/jobs",
    );
    expect(page.cards.map((c) => c.external_id)).toEqual(["3"]);
    expect(page.skipped).toEqual([
      { reason: "no id", external_id: null },
      { reason: "no title", external_id: "2" },
    ]);
  });

  it("keeps a Lever salary in an unknown currency as raw text only, never a wrong number", () => {
    const adapter = adapterForSource("lever", leverConfigSchema.parse({ company: "x" }));
    const page = adapter.parseListing(
      JSON.stringify([
        {
          id: "u1",
          text: "Dev",
          hostedUrl: "https://x.test/u1",
          categories: { location: "Hà Nội" },
          salaryRange: { min: 100, max: 200, currency: "EUR", interval: "per-year-salary" },
        },
      ]),
      "https://x.test/p",
    );
    const card = page.cards[0];
    if (!card) throw new Error("one card");
    const draft = adapter.toDraft(card, null, { crawledAt });
    expect(draft.salary).toEqual({
      raw: "100 - 200 EUR per-year-salary",
      min: null,
      max: null,
      currency: null,
      period: null,
      negotiable: false,
    });
    expect(draft.provinces).toEqual(["Hà Nội"]);
  });

  it("validates the configs with field names", () => {
    expect(greenhouseConfigSchema.safeParse({}).error?.issues[0]?.path).toEqual(["board_token"]);
    expect(leverConfigSchema.safeParse({ company: "a b" }).error?.issues[0]?.message).toMatch(/^company must be/);
    expect(leverConfigSchema.safeParse({ company: "a", fetcher: "browser" }).success).toBe(false);
  });
});
