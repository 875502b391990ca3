import { cssConfigSchema, parseSourceConfig } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import { configFields, configToDraft, draftToConfig } from "./config-fields";
import { fieldPath } from "./form-errors";

/** The css source's nested selectors become one form field each, named by their path, and round-trip. */
describe("config fields of nested objects (the css source)", () => {
  const fields = configFields("css");
  const keys = fields.map((f) => f.key);

  it("lists one field per selector, labelled with its group", () => {
    expect(keys).toContain("selectors.card");
    expect(keys).toContain("detail_selectors.description");
    expect(fields.find((f) => f.key === "selectors.card")).toMatchObject({ label: "Selectors: Card", type: "text" });
    expect(fields.find((f) => f.key === "selectors.card")?.optional).toBeUndefined();
    expect(fields.find((f) => f.key === "selectors.salary")?.optional).toBe(true);
    expect(fields.find((f) => f.key === "detail_selectors.title")?.optional).toBe(true);
  });

  it("round-trips a stored config, leaving out empty optional selectors and the empty detail group", () => {
    const stored = cssConfigSchema.parse({
      start_urls: ["/jobs"],
      selectors: { card: ".job", title: "h2", link: "a@href", salary: ".pay" },
    });
    const draft = configToDraft(fields, stored);
    expect(draft["selectors.card"]).toBe(".job");
    expect(draft["selectors.company"]).toBe("");
    const config = draftToConfig(fields, draft);
    expect(config.selectors).toEqual({ card: ".job", title: "h2", link: "a@href", salary: ".pay" });
    expect(config).not.toHaveProperty("detail_selectors");
    expect(parseSourceConfig("css", config).data).toEqual(stored);
  });

  it("reports an emptied required selector at its own path", () => {
    const draft = configToDraft(fields, { start_urls: ["/jobs"], selectors: { card: ".job", title: "h2", link: "a" } });
    const result = parseSourceConfig("css", draftToConfig(fields, { ...draft, "selectors.title": " " }));
    expect(result.error?.issues.map((i) => fieldPath(i.path, "config"))).toEqual(["config.selectors.title"]);
  });

  it("keeps nested paths and cuts list indexes in error paths", () => {
    expect(fieldPath(["config", "selectors", "card"])).toBe("config.selectors.card");
    expect(fieldPath(["search_keywords", 1], "config")).toBe("config.search_keywords");
    expect(fieldPath(["config", "start_urls", "0"])).toBe("config.start_urls");
    expect(fieldPath([], "config")).toBe("config");
  });
});
