import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leverId, payRange } from "../src/ats-api";
import { type FixtureBoard, startFixtureBoard } from "../src/server";
import { get } from "./http-get";

/** The Greenhouse- and Lever-shaped JSON endpoints: every posting of the keyword, in the APIs' field names. */
let board: FixtureBoard;

beforeAll(async () => {
  board = await startFixtureBoard({ seed: 5, pagesPerKeyword: 2, cardsPerPage: 10, compression: false });
});
afterAll(async () => {
  await board?.close();
});

const json = async (path: string) => {
  const response = await get(`${board.url}${path}`);
  expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
  return { status: response.status, body: JSON.parse(response.body.toString("utf8")) };
};

describe("Greenhouse jobs endpoint", () => {
  it("lists every posting of the board token with its content, entity-escaped", async () => {
    const { status, body } = await json("/v1/boards/acme/jobs?content=true");
    expect(status).toBe(200);
    const expected = [...new Set(board.expectedCards("acme").map((c) => c.external_id))];
    expect(body.meta).toEqual({ total: expected.length });
    expect(body.jobs.map((j: { id: number }) => String(j.id))).toEqual(expected);
    const first = body.jobs[0];
    const truth = board.posting(first.id);
    expect(first).toMatchObject({
      title: truth.title,
      company_name: truth.company,
      location: { name: truth.location_text },
      absolute_url: `${board.url}/greenhouse/acme/jobs/${first.id}`,
    });
    expect(first.content).toContain("&lt;li&gt;");
    expect(first.content).not.toContain("<li>");
  });

  it("leaves the content out without content=true, and gives pay ranges in cents where the board has numbers", async () => {
    const { body } = await json("/v1/boards/acme/jobs");
    expect(body.jobs[0].content).toBeUndefined();
    for (const job of body.jobs) {
      const range = payRange(board.posting(job.id).salary_text);
      if (range === null) expect(job.pay_input_ranges).toBeUndefined();
      else expect(job.pay_input_ranges[0]).toMatchObject({ min_cents: range.min * 100, currency_type: range.currency });
    }
  });
});

describe("Lever postings endpoint", () => {
  it("lists every posting as a JSON list with UUID ids, lists and salary ranges", async () => {
    const { status, body } = await json("/v0/postings/acme?mode=json");
    expect(status).toBe(200);
    const expected = [...new Set(board.expectedCards("acme").map((c) => c.external_id))];
    expect(body.map((p: { id: string }) => p.id)).toEqual(expected.map(leverId));
    expect(body[0].lists.map((l: { text: string }) => l.text)).toEqual(["Requirements", "Benefits"]);
    expect(body[0].categories.location).toBe(board.posting(expected[0] ?? "").location_text);
  });

  it("pages with skip and limit, and refuses other modes", async () => {
    const { body } = await json("/v0/postings/acme?mode=json&skip=2&limit=3");
    expect(body).toHaveLength(3);
    const refused = await json("/v0/postings/acme");
    expect(refused.status).toBe(400);
  });

  it("counts API requests under their own route kind", async () => {
    board.resetStats();
    await json("/v0/postings/acme?mode=json");
    expect(board.stats().byRoute.api).toBe(1);
  });
});

describe("payRange", () => {
  it.each([
    ["10 - 15 triệu", { min: 10_000_000, max: 15_000_000, currency: "VND" }],
    ["1,000 - 2,000 USD", { min: 1000, max: 2000, currency: "USD" }],
    ["Thoả thuận", null],
    ["Tới 20 triệu", null],
  ])("%s", (text, expected) => expect(payRange(text)).toEqual(expected));
});
