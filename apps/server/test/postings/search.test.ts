import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("job postings search on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 4, pagesPerKeyword: 2, hostilePostings: 0.2 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Searchable", board.url, {
      search_keywords: ["python-developer", "ke-toan", "lap-trinh-vien"],
      max_pages: 2,
    });
    const job = await waitFinal(t, (await startSync(t, "Searchable")).json().job_id);
    expect(job.status).toBe("completed");
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const search = async (query: string) => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("finds 'Lập trình ...' for the unaccented 'lap trinh', ranked", async () => {
    const result = await search("q=lap%20trinh&page_size=50");
    expect(result.total).toBeGreaterThan(0);
    for (const item of result.items) {
      const text = `${item.title} ${item.company} ${item.tags.join(" ")}`
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
      expect(text.replace(/đ/g, "d")).toMatch(/lap|trinh/);
    }
    expect(result.items.some((i: { title: string }) => /^Lập trình/.test(i.title))).toBe(true);
    const accented = await search("q=L%E1%BA%ADp%20tr%C3%ACnh&page_size=50");
    expect(accented.total).toBe(result.total);
  });

  it("filters by province (aliases and old names too), source and minimum salary", async () => {
    const hcm = await search("location=TP.HCM&page_size=100");
    expect(hcm.items.every((i: { provinces: string[] }) => i.provinces.includes("Hồ Chí Minh"))).toBe(true);
    const rich = await search("salary_min=30000000&page_size=100");
    for (const item of rich.items) {
      const top = item.salary.max ?? item.salary.min;
      expect(top * (item.salary.currency === "USD" ? 25_000 : 1)).toBeGreaterThanOrEqual(30_000_000);
    }
    expect((await search("source=Nope")).total).toBe(0);
    expect((await search("source=searchable")).total).toBeGreaterThan(0);
  });

  it("pages through results and answers 400 to bad parameters", async () => {
    const first = await search("page_size=5&page=1");
    const second = await search("page_size=5&page=2");
    expect(first.items.map((i: { id: number }) => i.id)).not.toEqual(second.items.map((i: { id: number }) => i.id));
    for (const bad of [
      "page=0",
      "page_size=101",
      "salary_min=-1",
      "salary_min=abc",
      "status=gone",
      "foo=bar",
      `q=${"x".repeat(201)}`,
    ]) {
      const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${bad}` });
      expect(res.statusCode, bad).toBe(400);
    }
    expect((await t.app.inject({ method: "GET", url: "/api/v1/jobs/0" })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/jobs/99999999" })).statusCode).toBe(404);
  });

  it("stores crawled HTML without script, event handlers or javascript: URLs", async () => {
    const all = await search("page_size=100");
    let checked = 0;
    for (const item of all.items) {
      const detail = (await t.app.inject({ method: "GET", url: `/api/v1/jobs/${item.id}` })).json();
      const html = [detail.description_html, detail.requirements_html, detail.benefits_html].join("\n");
      expect(html).not.toMatch(/<script|onerror\s*=|onload\s*=|javascript:/i);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
