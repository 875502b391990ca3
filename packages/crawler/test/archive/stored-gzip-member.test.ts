import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readStoredBlocks, storedGzipMember } from "../../src/archive/stored-gzip-member";

describe("storedGzipMember", () => {
  it("is a gzip member that inflates to the bytes, at every block boundary", () => {
    for (const size of [0, 1, 1000, 65_534, 65_535, 65_536, 131_070, 131_071, 200_000]) {
      const data = randomBytes(size);
      const member = storedGzipMember(data);
      expect(gunzipSync(member).equals(data), `${size} bytes`).toBe(true);
      expect(member.byteLength).toBe(10 + Math.max(1, Math.ceil(size / 65_535)) * 5 + size + 8);
    }
  });

  it("concatenates with other members into one readable stream, and a damaged one fails its check", () => {
    const a = Buffer.from("WARC/1.1\r\nfirst record");
    const b = Buffer.from("WARC/1.1\r\nsecond record");
    expect(gunzipSync(Buffer.concat([storedGzipMember(a), storedGzipMember(b)])).toString()).toBe(
      `${a.toString()}${b.toString()}`,
    );
    const damaged = storedGzipMember(a);
    damaged[20] = (damaged[20] as number) ^ 0xff; // a payload byte: the CRC-32 no longer matches
    expect(() => gunzipSync(damaged)).toThrow();
  });
});

describe("readStoredBlocks", () => {
  const HEADER = 10; // storedGzipMember's gzip header

  it("reads back what storedGzipMember stored, at every block boundary, and where its blocks end", () => {
    for (const size of [0, 1, 1000, 65_535, 65_536, 131_071, 200_000]) {
      const data = randomBytes(size);
      const member = storedGzipMember(data);
      const read = readStoredBlocks(member, HEADER);
      expect(read?.data.equals(data), `${size} bytes`).toBe(true);
      expect(read?.end).toBe(member.byteLength - 8); // the trailer follows
    }
  });

  it("reads zlib's own stored blocks (level 0), and leaves compressed ones to zlib", () => {
    const data = randomBytes(70_000);
    expect(readStoredBlocks(gzipSync(data, { level: 0 }), HEADER)?.data.equals(data)).toBe(true);
    const text = Buffer.from("<p>Mô tả công việc</p>".repeat(500));
    expect(readStoredBlocks(gzipSync(text, { level: 1 }), HEADER)).toBeNull();
    expect(readStoredBlocks(gzipSync(text, { level: 6 }), HEADER)).toBeNull();
  });

  it("returns null for bytes that end inside a block or whose lengths disagree (zlib reads them and says why)", () => {
    const member = storedGzipMember(randomBytes(100_000));
    for (const cut of [HEADER, HEADER + 3, HEADER + 5, HEADER + 1000, HEADER + 65_540, member.byteLength - 9]) {
      expect(readStoredBlocks(member.subarray(0, cut), HEADER), `cut at ${cut}`).toBeNull();
    }
    const damaged = Buffer.from(member);
    damaged[HEADER + 3] = (damaged[HEADER + 3] as number) ^ 0x01; // NLEN no longer LEN's complement
    expect(readStoredBlocks(damaged, HEADER)).toBeNull();
    expect(() => gunzipSync(damaged)).toThrow(/invalid stored block lengths/);
  });
});
