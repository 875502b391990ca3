import { MASKED } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import { changedFields, maskSecrets } from "../../src/audit/audit-changes";

describe("audit changes", () => {
  it("lists only the fields that differ, nested config keys by their path", () => {
    expect(
      changedFields(
        { base_url: "https://a", is_active: true, config: { max_pages: 3, search_keywords: ["x"] } },
        { base_url: "https://a", is_active: false, config: { max_pages: 5, search_keywords: ["x"] } },
      ),
    ).toEqual({ is_active: { before: true, after: false }, "config.max_pages": { before: 3, after: 5 } });
  });

  it("never keeps a secret's value: set, changed and removed secrets all show masked", () => {
    expect(changedFields({}, { secret: "s3cr3t-value", name: "hook" })).toEqual({
      secret: { before: null, after: MASKED },
      name: { before: null, after: "hook" },
    });
    expect(changedFields({ secret: "old-one" }, { secret: "new-one" })).toEqual({
      secret: { before: MASKED, after: MASKED },
    });
    expect(changedFields({ config: { api_key: "k1" } }, { config: { api_key: "k2" } })).toEqual({
      "config.api_key": { before: MASKED, after: MASKED },
    });
    expect(JSON.stringify(changedFields({ auth: { token: "t1" } }, {}))).not.toContain("t1");
  });

  it("masks secrets anywhere in a record, keeping its shape", () => {
    expect(
      maskSecrets({
        password: "hunter22",
        headers: [{ Authorization: "Bearer x" }],
        secret: { before: null, after: "y" },
        note: "kept",
      }),
    ).toEqual({
      password: MASKED,
      headers: [{ Authorization: MASKED }],
      secret: { before: null, after: MASKED },
      note: "kept",
    });
  });
});
