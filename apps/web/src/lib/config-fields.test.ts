import { parseSourceConfig, TOPCV_GUIDE_CONFIG } from "@jobsync/contracts";
import { describe, expect, test } from "vitest";
import { configFields, configToDraft, draftToConfig, fieldKeyOfPath } from "./config-fields";

describe("config fields derived from the kind's schema", () => {
  const fields = configFields("topcv");

  test("one field per schema key, with its type, bounds and default", () => {
    expect(fields.map((f) => f.key)).toEqual([
      "search_keywords",
      "max_pages",
      "request_delay",
      "max_jobs",
      "headless",
      "timeout",
      "fetcher",
      "fetch_details",
    ]);
    expect(fields.find((f) => f.key === "max_pages")).toMatchObject({
      type: "integer",
      min: 1,
      max: 1000,
      defaultValue: 5,
    });
    expect(fields.find((f) => f.key === "request_delay")).toMatchObject({
      type: "number",
      label: "Request delay", // the key humanized; the form shows "Request delay (seconds)" from the strings
      min: 0,
      max: 60,
    });
    expect(fields.find((f) => f.key === "fetcher")).toMatchObject({ type: "enum", options: ["http", "browser"] });
    expect(fields.find((f) => f.key === "headless")).toMatchObject({ type: "boolean", defaultValue: true });
  });

  test("the guide's config round-trips through the form", () => {
    const draft = configToDraft(fields, { ...TOPCV_GUIDE_CONFIG });
    expect(draft.search_keywords).toBe("python-developer\njava-developer\njavascript-developer");
    expect(draft.request_delay).toBe("2");
    const config = draftToConfig(fields, draft);
    const parsed = parseSourceConfig("topcv", config);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject(TOPCV_GUIDE_CONFIG);
  });

  test("typed values let zod report the real problem", () => {
    const draft = {
      ...configToDraft(fields, {}),
      max_pages: "abc",
      request_delay: "",
      search_keywords: "Python Dev, ok-slug",
    };
    const parsed = parseSourceConfig("topcv", draftToConfig(fields, draft));
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error?.issues.map((i) => [fieldKeyOfPath(i.path), i.message]) ?? []);
    expect(messages.max_pages).toBe("max_pages must be a whole number from 1 to 1000");
    expect(messages.request_delay).toBe("request_delay must be a number from 0 to 60 seconds");
    expect(messages.search_keywords).toMatch(/^search_keywords\[\] must be a slug/);
  });

  test("error paths map to their field", () => {
    expect(fieldKeyOfPath("config.max_pages")).toBe("max_pages");
    expect(fieldKeyOfPath("config.search_keywords[1]")).toBe("search_keywords");
    expect(fieldKeyOfPath(["search_keywords", 0])).toBe("search_keywords");
  });
});
