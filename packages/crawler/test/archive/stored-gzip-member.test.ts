import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { storedGzipMember } from "../../src/archive/stored-gzip-member";

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
