import { describe, expect, it } from "vitest";
import { PageStarts } from "../../src/postings/page-starts";
import type { SearchFilter } from "../../src/postings/posting-read.repository";

const filter = (siteName: string | null): SearchFilter => ({
  text: null,
  provinces: null,
  locationText: null,
  siteName,
  salaryMinVnd: null,
  experienceMinYears: null,
  experienceMaxYears: null,
  status: "open",
});
const at = (id: number) => ({ tier: 0, seenMicros: String(1_000_000 * id), id });

describe("PageStarts", () => {
  it("remembers a start per list and offset until its time is up", () => {
    let now = 0;
    const starts = new PageStarts(1_000, 10, () => now);
    starts.remember(filter(null), 20, at(7));
    expect(starts.get(filter(null), 20)).toEqual(at(7));
    expect(starts.get(filter(null), 40)).toBeNull();
    expect(starts.get(filter("TopCV"), 20)).toBeNull();
    now = 999;
    expect(starts.get(filter(null), 20)).toEqual(at(7));
    now = 1_000;
    expect(starts.get(filter(null), 20)).toBeNull();
    expect(starts.size).toBe(0);
  });

  it("forgets the least recently used start past its size", () => {
    const starts = new PageStarts(60_000, 2);
    starts.remember(filter(null), 1, at(1));
    starts.remember(filter(null), 2, at(2));
    expect(starts.get(filter(null), 1)).toEqual(at(1)); // 1 is now the most recently used
    starts.remember(filter(null), 3, at(3));
    expect(starts.get(filter(null), 2)).toBeNull();
    expect(starts.get(filter(null), 1)).toEqual(at(1));
    expect(starts.get(filter(null), 3)).toEqual(at(3));
    expect(starts.size).toBe(2);
  });
});
