import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { NetworkError, ResponseTooLargeError } from "../../src/fetch/errors";
import { readBody } from "../../src/fetch/response-body";

const COMPRESS = { br: brotliCompressSync, gzip: gzipSync, deflate: deflateSync } as const;
/** A body as a socket hands it over: in 16 KB pieces. */
const wire = (bytes: Buffer) => {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 16 * 1024) pieces.push(bytes.subarray(at, at + 16 * 1024));
  return Readable.from(pieces);
};
const outcome = (promise: Promise<{ bytes: Buffer }>) =>
  promise.then(
    (r) => r.bytes,
    (e: Error) => e,
  );

describe("readBody: small compressed bodies decoded at once, big ones streamed, alike", () => {
  it("gives the same bytes for small bodies, big ones, and small ones that inflate past the one-call cap", async () => {
    const bodies = [
      Buffer.from("<html><body>Kế toán tổng hợp</body></html>"),
      Buffer.from("x".repeat(6 * 1024 * 1024)), // ~6 KB compressed: past the 4 MB the one call may inflate to
      randomBytes(300 * 1024), // 300 KB compressed: streamed from its 65th KB on
    ];
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      for (const body of bodies) {
        const received = await readBody(wire(compress(body)), encoding, 10 * 1024 * 1024, "https://x.test/p");
        expect(received.bytes.equals(body), `${encoding}, ${body.length} bytes`).toBe(true);
      }
    }
  });

  it("holds the limit at the byte, and fails a bomb, a cut body and junk as the stream does", async () => {
    const body = Buffer.alloc(1000, 97);
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      const packed = compress(body);
      expect(await outcome(readBody(wire(packed), encoding, 999, "u"))).toBeInstanceOf(ResponseTooLargeError);
      expect((await outcome(readBody(wire(packed), encoding, 1000, "u"))) as Buffer).toHaveLength(1000);
      const bomb = compress(Buffer.alloc(20 * 1024 * 1024));
      expect(await outcome(readBody(wire(bomb), encoding, 10 * 1024 * 1024, "u")), encoding).toBeInstanceOf(
        ResponseTooLargeError,
      );
      const cut = await outcome(readBody(wire(packed.subarray(0, packed.length - 3)), encoding, 5000, "u"));
      expect(cut, encoding).toBeInstanceOf(NetworkError);
      expect((cut as Error).message).toMatch(new RegExp(`bad ${encoding} body: `));
      const junk = await outcome(readBody(wire(Buffer.from("not compressed at all")), encoding, 5000, "u"));
      expect(junk, encoding).toBeInstanceOf(NetworkError);
    }
  });
});
