import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { type FixtureBoard, type FixtureBoardOptions, parseFaultRules, startFixtureBoard } from "../src";
import { get } from "./http-get";

const boards: FixtureBoard[] = [];
async function board(options: FixtureBoardOptions = {}): Promise<FixtureBoard> {
  const b = await startFixtureBoard({ pageWeightBytes: 0, pagesPerKeyword: 3, cardsPerPage: 5, ...options });
  boards.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(boards.splice(0).map((b) => b.close()));
});

describe("fault selection", () => {
  it("fails the first N requests of each URL, then answers, and counts per route and status", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "status", status: 503, firstN: 2 }] });
    const url = b.listingUrl("ke-toan", 1);
    expect((await get(url)).status).toBe(503);
    expect((await get(url)).status).toBe(503);
    expect((await get(url)).status).toBe(200);
    expect((await get(b.listingUrl("ke-toan", 2))).status).toBe(503);
    expect((await get(`${b.url}/robots.txt`)).status).toBe(200);
    const stats = b.stats();
    expect(stats.byRouteStatus.listing).toEqual({ "503": 3, "200": 1 });
    expect(stats.byRoute.robots).toBe(1);
    expect(stats.byFault.status).toBe(3);
    expect(stats.requests.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("fails every k-th request and matches paths by prefix", async () => {
    const b = await board({ faults: [{ path: "/tim-viec-lam-*", type: "status", status: 500, everyNth: 3 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(b.listingUrl("ke-toan", 1))).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
  });

  it("draws random faults from the seeded PRNG: same seed, same failures", async () => {
    const run = async (seed: number) => {
      const b = await board({ seed, faults: [{ type: "status", status: 502, probability: 0.5 }] });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await get(`${b.url}/`)).status);
      return out;
    };
    const first = await run(11);
    expect(await run(11)).toEqual(first);
    expect(first).toContain(502);
    expect(first).toContain(200);
  });

  it("switches faults at run time and from another process over /__admin", async () => {
    const b = await board();
    b.setFaults([{ type: "rate_limit", retryAfter: 7 }]);
    const limited = await get(`${b.url}/`);
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("7");

    const post = await fetch(`${b.url}/__admin/faults`, {
      method: "POST",
      body: JSON.stringify({
        faults: [{ kind: "home", type: "rate_limit", retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT" }],
      }),
    });
    expect(post.status).toBe(200);
    expect((await get(`${b.url}/`)).headers["retry-after"]).toBe("Wed, 21 Oct 2026 07:28:00 GMT");
    expect((await get(`${b.url}/robots.txt`)).status).toBe(200);
    expect(await (await fetch(`${b.url}/__admin/faults`)).json()).toEqual({
      faults: [{ kind: "home", type: "rate_limit", retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT" }],
    });

    const stats = (await (await fetch(`${b.url}/__admin/stats`)).json()) as { byStatus: Record<string, number> };
    expect(stats.byStatus).toEqual({ "429": 2, "200": 1 });
    await fetch(`${b.url}/__admin/faults`, { method: "DELETE" });
    await fetch(`${b.url}/__admin/stats/reset`, { method: "POST" });
    expect((await get(`${b.url}/`)).status).toBe(200);
    expect(b.stats().total).toBe(1);
  });

  it("rejects bad fault rules with the field at fault", async () => {
    const b = await board();
    const bad = async (body: string) => {
      const res = await fetch(`${b.url}/__admin/faults`, { method: "POST", body });
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    expect(await bad("{not json")).toEqual({ status: 400, error: expect.stringMatching(/body must be JSON/) });
    expect(await bad('[{"type":"latency"}]')).toEqual({
      status: 400,
      error: "faults[0].ms is required for a latency fault",
    });
    expect((await bad('[{"type":"reset","kind":"listings"}]')).error).toMatch(
      /faults\[0\]\.kind must be one of listing/,
    );
    expect((await bad('[{"type":"reset","firstN":1,"everyNth":2}]')).error).toMatch(/only one of firstN, everyNth/);
    expect((await bad('[{"type":"hang","ms":3}]')).error).toBe('faults[0]: unknown key "ms" for a hang fault');
    expect(() => parseFaultRules({ faults: 3 })).toThrow(/faults must be a list/);
    expect(() => b.setFaults([{ type: "oversized", framing: "zip" } as never])).toThrow(/framing must be one of/);
  });
});

describe("faults", () => {
  it("adds latency, also as spikes on every k-th request, recorded in the log", async () => {
    const b = await board({ faults: [{ type: "latency", ms: 150, everyNth: 2 }] });
    for (let i = 0; i < 4; i++) await get(`${b.url}/`);
    expect(b.stats().requests.map((r) => r.fault)).toEqual([null, "latency", null, "latency"]);
  });

  it("resets connections, closes them without an answer, and never answers", async () => {
    const b = await board();
    b.setFaults([{ type: "reset" }]);
    await expect(get(`${b.url}/`)).rejects.toThrow(/ECONNRESET/);
    b.setFaults([{ type: "down" }]);
    await expect(get(`${b.url}/`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    b.setFaults([{ type: "hang" }]);
    await expect(get(`${b.url}/`, {}, 300)).rejects.toThrow(/test client timeout/);
    expect(b.stats().byStatus.none).toBe(3);
  });

  it("closes promptly with never-answering requests open", async () => {
    const b = await startFixtureBoard({ faults: [{ type: "hang" }, { type: "latency", ms: 60_000 }] });
    const pending = [get(`${b.url}/`, {}, 60_000), get(`${b.url}/robots.txt`, {}, 60_000)];
    await new Promise((r) => setTimeout(r, 100));
    await b.close();
    for (const p of pending) await expect(p).rejects.toThrow();
  });

  it("goes offline (connection refused) and comes back on the same port", async () => {
    const b = await board();
    await b.setOffline(true);
    await expect(get(`${b.url}/`)).rejects.toThrow(/ECONNREFUSED/);
    await b.setOffline(false);
    expect((await get(`${b.url}/`)).status).toBe(200);
  });

  it("serves the real Cloudflare challenge page", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "challenge" }] });
    const res = await get(b.listingUrl("ke-toan"));
    expect(res.status).toBe(403);
    expect(res.headers["cf-mitigated"]).toBe("challenge");
    expect(res.body.toString("utf8")).toContain("<title>Just a moment...</title>");
    expect(res.body.toString("utf8")).toContain("window._cf_chl_opt");
  });

  it("truncates pages, as a short complete answer or a connection dying mid-body", async () => {
    const b = await board();
    const full = (await get(b.listingUrl("ke-toan"))).body;
    b.setFaults([{ kind: "listing", type: "truncated", keepFraction: 0.25 }]);
    const short = await get(b.listingUrl("ke-toan"));
    expect(short.status).toBe(200);
    expect(short.body.length).toBe(Math.floor(full.length * 0.25));
    expect(full.subarray(0, short.body.length).equals(short.body)).toBe(true);
    b.setFaults([{ kind: "listing", type: "truncated", mode: "connection" }]);
    await expect(get(b.listingUrl("ke-toan"))).rejects.toThrow(/aborted|ECONNRESET|socket hang up/);
  });

  it("encodes a page in windows-1258 with the right bytes, announced in the header or the meta", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "charset", declare: "meta" }] });
    const res = await get(b.listingUrl("ke-toan"));
    expect(res.headers["content-type"]).toBe("text/html");
    const html = new TextDecoder("windows-1258").decode(res.body).normalize("NFC");
    expect(html).toContain('<meta charset="windows-1258">');
    for (const card of b.expectedCards("ke-toan", 1)) expect(html).toContain(card.title.replace(/&/g, "&amp;"));
    expect(res.body.includes(Buffer.from("ế"))).toBe(false); // no UTF-8 bytes left
    b.setFaults([{ kind: "listing", type: "charset", declare: "header" }]);
    const header = await get(b.listingUrl("ke-toan"));
    expect(header.headers["content-type"]).toBe("text/html; charset=windows-1258");
    expect(header.body.toString("latin1")).not.toContain("<meta charset");
  });

  it("sends oversized bodies with a Content-Length, chunked, or as a small gzip", async () => {
    const b = await board();
    b.setFaults([{ type: "oversized", bytes: 3_000_000 }]);
    const sized = await get(`${b.url}/`);
    expect(sized.headers["content-length"]).toBe("3000000");
    expect(sized.body.length).toBe(3_000_000);
    b.setFaults([{ type: "oversized", bytes: 3_000_000, framing: "chunked" }]);
    const chunked = await get(`${b.url}/`);
    expect(chunked.headers["content-length"]).toBeUndefined();
    expect(chunked.headers["transfer-encoding"]).toBe("chunked");
    expect(chunked.body.length).toBe(3_000_000);
    b.setFaults([{ type: "oversized", bytes: 3_000_000, framing: "gzip" }]);
    const bomb = await get(`${b.url}/`);
    expect(bomb.body.length).toBeLessThan(100_000);
    expect(gunzipSync(bomb.body).length).toBe(3_000_000);
  });

  it("redirects in a loop, a new URL each time", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "redirect_loop" }] });
    const first = await get(`${b.url}/tim-viec-lam-ke-toan?page=1`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe("/tim-viec-lam-ke-toan?page=1&_loop=1");
    const second = await get(`${b.url}${first.headers.location}`);
    expect(second.headers.location).toBe("/tim-viec-lam-ke-toan?page=1&_loop=2");
  });
});

describe("compression and keep-alive", () => {
  it("compresses with br, gzip or deflate as the client accepts, and records it", async () => {
    const b = await board({ pageWeightBytes: 50_000 });
    const br = await get(b.listingUrl("ke-toan"), { "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    const gz = await get(b.listingUrl("ke-toan"), { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).length).toBe(50_000);
    const plain = await get(b.listingUrl("ke-toan"), { "accept-encoding": "br;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(b.stats().requests.map((r) => r.encoding)).toEqual(["br", "gzip", null]);
  });

  it("numbers connections so a test can see keep-alive at work", async () => {
    const b = await board();
    for (let i = 0; i < 6; i++) await fetch(`${b.url}/`).then((r) => r.text());
    const connections = new Set(b.stats().requests.map((r) => r.connection));
    expect(connections.size).toBeLessThanOrEqual(2);
    expect(b.stats().connections).toBe(connections.size);
  });
});

describe("layout faults", () => {
  it("are switched over /__admin/faults and validated, naming the bad field", async () => {
    const b = await board();
    const post = (body: unknown) =>
      fetch(`${b.url}/__admin/faults`, { method: "POST", body: JSON.stringify(body) }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { error?: string; faults?: unknown },
      }));
    expect(await post([{ type: "layout", variant: "empty-200" }])).toEqual({
      status: 200,
      body: { faults: [{ type: "layout", variant: "empty-200" }] },
    });
    const page = (await get(b.listingUrl("ke-toan", 1))).body.toString("utf8");
    expect(page).not.toContain("job-item-search-result");
    expect(page).not.toContain("none-suitable-job");
    expect(page).not.toContain("Chưa tìm thấy");
    expect((await post([{ type: "layout" }])).body.error).toBe(
      "faults[0].variant is required for a layout fault (renamed-classes, no-salary, empty-200)",
    );
    expect((await post([{ type: "layout", variant: "purple" }])).body.error).toMatch(
      /^faults\[0\]\.variant must be one of renamed-classes, no-salary, empty-200/,
    );
    expect((await post([{ type: "layout", variant: "no-salary", ms: 3 }])).status).toBe(400);
    // a rejected rule list leaves the rules in force unchanged
    expect(b.faults()).toEqual([{ type: "layout", variant: "empty-200" }]);
  });

  it("combines with another fault: the layout changes the page, the other fault still answers", async () => {
    const b = await board({
      faults: [
        { type: "layout", variant: "renamed-classes" },
        { kind: "listing", type: "status", status: 503, firstN: 1 },
      ],
    });
    expect((await get(b.listingUrl("ke-toan", 1))).status).toBe(503);
    const page = (await get(b.listingUrl("ke-toan", 1))).body.toString("utf8");
    expect(page).toContain("job-card-search-v2");
    expect(page).not.toContain("job-item-search-result");
  });
});
