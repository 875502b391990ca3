import { describe, expect, it } from "vitest";
import { contentHash, contentKey } from "../../src/normalize/posting-keys";

describe("contentKey", () => {
  it("folds case, diacritics and punctuation", () => {
    const a = contentKey("Kế Toán Tổng Hợp - Upto 16tr", "Công ty TNHH TM XNK Kiến Nam", "Hồ Chí Minh");
    const b = contentKey("ke toan tong hop (upto 16TR)", "CÔNG TY TNHH TM. XNK KIẾN NAM", "ho chi minh");
    expect(a).toBe(b);
    expect(a).toBe("ke toan tong hop upto 16tr|cong ty tnhh tm xnk kien nam|ho chi minh");
  });

  it("differs when the title, company or province differs", () => {
    const base = contentKey("Kế toán", "A", "Hà Nội");
    expect(contentKey("Kế toán trưởng", "A", "Hà Nội")).not.toBe(base);
    expect(contentKey("Kế toán", "B", "Hà Nội")).not.toBe(base);
    expect(contentKey("Kế toán", "A", "Hồ Chí Minh")).not.toBe(base);
  });

  it("keeps the fields apart (no collision by moving words across the separator)", () => {
    expect(contentKey("a b", "c", null)).not.toBe(contentKey("a", "b c", null));
  });

  it("accepts a missing company and province", () => {
    expect(contentKey("Kế toán", null, null)).toBe("ke toan||");
  });
});

describe("contentHash", () => {
  it("is sha256 hex", () => {
    expect(contentHash({ title: "x" })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on key order, at any depth", () => {
    const a = contentHash({ title: "Kế toán", salary: { min: 1, max: 2 }, tags: ["a", "b"] });
    const b = contentHash({ tags: ["a", "b"], salary: { max: 2, min: 1 }, title: "Kế toán" });
    expect(a).toBe(b);
  });

  it("changes when a meaningful value changes", () => {
    const base = { title: "Kế toán", salary: { min: 1, max: 2 }, tags: ["a", "b"] };
    const hash = contentHash(base);
    expect(contentHash({ ...base, title: "Kế toán trưởng" })).not.toBe(hash);
    expect(contentHash({ ...base, salary: { min: 1, max: 3 } })).not.toBe(hash);
    expect(contentHash({ ...base, tags: ["b", "a"] })).not.toBe(hash);
    expect(contentHash({ ...base, tags: ["a", "b", ""] })).not.toBe(hash);
  });

  it("hashes null and undefined alike, and keeps strings and numbers apart", () => {
    expect(contentHash({ a: null })).toBe(contentHash({ a: undefined }));
    expect(contentHash({ a: "1" })).not.toBe(contentHash({ a: 1 }));
  });
});
