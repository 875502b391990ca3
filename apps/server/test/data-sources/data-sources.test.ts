import { SEARCH_EXACT_TOTAL_LIMIT } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTopcv } from "../../src/data-sources/seed-topcv";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const GUIDE_CONFIG = {
  search_keywords: ["python-developer", "java-developer", "javascript-developer"],
  max_pages: 5,
  request_delay: 2.0,
  max_jobs: 100,
  headless: true,
  timeout: 30,
};

describe.each(databaseKinds())("data sources API on %s", (kind) => {
  let t: TestApp;
  const api = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1/admin/data-sources${url}`,
      headers: bearer(t.adminToken),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedTopcv(t.services.dataSourceRepository);
  });
  afterAll(() => t.close());

  it("lists TopCV with the guide's config", async () => {
    const res = await api("GET", "");
    expect(res.statusCode).toBe(200);
    const topcv = res.json().items.find((s: { site_name: string }) => s.site_name === "TopCV");
    expect(topcv).toMatchObject({ kind: "topcv", base_url: "https://www.topcv.vn", is_active: true, last_sync: null });
    expect(topcv.config).toMatchObject(GUIDE_CONFIG);
  });

  it("creates a source, filling config defaults, and finds it case-insensitively", async () => {
    const res = await api("POST", "", {
      site_name: "Board-1",
      kind: "topcv",
      base_url: "https://example.com/",
      config: { search_keywords: ["ke-toan"], max_pages: 2 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      site_name: "Board-1",
      base_url: "https://example.com",
      is_active: true,
      config: { search_keywords: ["ke-toan"], max_pages: 2, request_delay: 2, max_jobs: 100, timeout: 30 },
      postings_count: 0,
      active_job_id: null,
    });
    expect((await api("GET", "/board-1")).json().site_name).toBe("Board-1");
    const again = await api("POST", "", { site_name: "BOARD-1", kind: "topcv", base_url: "https://example.com" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("already exists");
  });

  it.each([
    [{ site_name: "x y", kind: "topcv", base_url: "https://e.com" }, "site_name"],
    [{ site_name: "sync", kind: "topcv", base_url: "https://e.com" }, "site_name"],
    [{ site_name: "ok", kind: "nope", base_url: "https://e.com" }, "kind must be one of"],
    [{ site_name: "ok", kind: "topcv", base_url: "ftp://e.com" }, "base_url must be an http:// or https:// URL"],
    [{ site_name: "ok", kind: "topcv", base_url: "javascript:alert(1)" }, "base_url"],
    [{ site_name: "ok", kind: "topcv", base_url: "https://e.com", colour: "red" }, "colour"],
    [{ site_name: "ok", kind: "topcv", base_url: "https://e.com", config: [] }, "config must be a JSON object"],
    [
      { site_name: "ok", kind: "topcv", base_url: "https://e.com", is_active: "yes" },
      "is_active must be true or false",
    ],
  ])("refuses %j with 400 naming the field, writing nothing", async (payload, fragment) => {
    const res = await api("POST", "", payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.message).toContain(fragment);
    expect((await api("GET", "/ok")).statusCode).toBe(404);
  });

  const badConfigs: Array<[string, unknown, string]> = [
    ["search_keywords", "python", "search_keywords must be a list"],
    ["search_keywords", [], "from 1 to 50 keywords"],
    ["search_keywords", Array.from({ length: 51 }, (_, i) => `k${i}`), "from 1 to 50 keywords"],
    ["search_keywords", ["Python Developer"], "search_keywords[] must be a slug"],
    ["search_keywords", [""], "must be a slug"],
    ["max_pages", 0, "max_pages must be a whole number from 1 to 1000"],
    ["max_pages", 1001, "max_pages must be a whole number from 1 to 1000"],
    ["max_pages", 2.5, "max_pages must be a whole number from 1 to 1000"],
    ["max_pages", "5", "max_pages must be a whole number from 1 to 1000"],
    ["request_delay", -1, "request_delay must be a number from 0 to 60 seconds"],
    ["request_delay", 61, "request_delay must be a number from 0 to 60 seconds"],
    ["request_delay", "2", "request_delay must be a number from 0 to 60 seconds"],
    ["max_jobs", 0, "max_jobs must be a whole number from 1 to 10000"],
    ["max_jobs", 10001, "max_jobs must be a whole number from 1 to 10000"],
    ["headless", "true", "headless must be true or false"],
    ["timeout", 0, "timeout must be a whole number from 1 to 300"],
    ["timeout", 301, "timeout must be a whole number from 1 to 300"],
    ["timeout", null, "timeout must be a whole number from 1 to 300"],
    ["fetcher", "curl", "fetcher must be one of: http, browser"],
    ["unknown_key", 1, "unknown_key"],
  ];

  it.each(badConfigs)("PATCH config.%s = %j → 400 naming the field; nothing changes", async (field, value, message) => {
    const before = (await api("GET", "/TopCV")).json();
    const res = await api("PATCH", "/TopCV", { base_url: "https://changed.example.com", config: { [field]: value } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain(message);
    expect(body.error.details[0].path).toMatch(new RegExp(`^config\\.${field}`));
    const after = (await api("GET", "/TopCV")).json();
    expect(after.base_url).toBe(before.base_url);
    expect(after.config).toEqual(before.config);
  });

  it("PATCH merges config keys and toggles is_active", async () => {
    const res = await api("PATCH", "/TopCV", { config: { max_pages: 7 }, is_active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ is_active: false, config: { ...GUIDE_CONFIG, max_pages: 7 } });
    await api("PATCH", "/TopCV", { config: { max_pages: 5 }, is_active: true });
  });

  it("PATCH with nothing to update is a 400", async () => {
    const res = await api("PATCH", "/TopCV", {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("nothing to update");
  });

  it("answers 404 for an unknown source and 400 for a malformed name", async () => {
    expect((await api("GET", "/Nope")).statusCode).toBe(404);
    expect((await api("GET", "/Nope")).json().error.message).toBe("data source Nope not found");
    for (const bad of ["/..%2F..%2Fetc", "/a%20b", `/${"x".repeat(65)}`, "/%00"]) {
      const res = await api("GET", bad);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it("refuses malformed JSON, wrong content types and bodies over 1 MB", async () => {
    const raw = (payload: string, contentType: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/admin/data-sources",
        headers: { ...bearer(t.adminToken), "content-type": contentType },
        payload,
      });
    const invalid = await raw("{not json", "application/json");
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain("not valid JSON");
    const text = await raw("site_name=x", "application/x-www-form-urlencoded");
    expect(text.statusCode).toBe(415);
    const huge = await raw(JSON.stringify({ site_name: "big", pad: "x".repeat(1024 * 1024 + 10) }), "application/json");
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");
  });

  it("refuses private hosts unless allowed", async () => {
    const strict = await createTestApp(kind, { allowPrivateHosts: false });
    try {
      for (const base_url of ["http://127.0.0.1:3001", "http://localhost", "http://10.1.2.3", "http://[::1]:80"]) {
        const res = await strict.app.inject({
          method: "POST",
          url: "/api/v1/admin/data-sources",
          headers: bearer(strict.adminToken),
          payload: { site_name: "private", kind: "topcv", base_url },
        });
        expect(res.statusCode, base_url).toBe(400);
        expect(res.json().error.message).toContain("ALLOW_PRIVATE_HOSTS");
      }
    } finally {
      await strict.close();
    }
  });

  it("deletes a source", async () => {
    await api("POST", "", { site_name: "Doomed", kind: "topcv", base_url: "https://e.com" });
    const res = await api("DELETE", "/Doomed");
    expect(res.statusCode).toBe(204);
    expect((await api("GET", "/Doomed")).statusCode).toBe(404);
    expect((await api("DELETE", "/Doomed")).statusCode).toBe(404);
  });

  it(`counts a source's postings exactly up to ${SEARCH_EXACT_TOTAL_LIMIT}, then stops and says so`, async () => {
    const created = await api("POST", "", { site_name: "Bulk-Count", kind: "topcv", base_url: "https://bulk.example" });
    const insert = (from: number, to: number) =>
      t.db.database.db.execute(sql`
        INSERT INTO job_postings (data_source_id, external_id, url, title, locations, provinces, tags, content_hash, content_key)
        SELECT ${created.json().id}::uuid, 'c' || n, 'https://bulk.example/' || n, 'Công nhân', '{}', '{}', '{}', 'h', 'k'
        FROM generate_series(${from}::int, ${to}::int) AS n`);
    await insert(1, SEARCH_EXACT_TOTAL_LIMIT);
    expect((await api("GET", "/Bulk-Count")).json()).toMatchObject({
      postings_count: SEARCH_EXACT_TOTAL_LIMIT,
      postings_count_is_estimate: false,
    });
    await insert(SEARCH_EXACT_TOTAL_LIMIT + 1, SEARCH_EXACT_TOTAL_LIMIT + 2);
    const listed = (await api("GET", "")).json().items.find((s: { site_name: string }) => s.site_name === "Bulk-Count");
    expect(listed).toMatchObject({ postings_count: SEARCH_EXACT_TOTAL_LIMIT, postings_count_is_estimate: true });
  });
});
