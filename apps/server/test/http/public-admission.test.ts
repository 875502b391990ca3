import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { PublicAdmission } from "../../src/http/public-admission";

/** A real HTTP server whose every request goes through the admission, then works `workMillis` (its database wait). */
async function serve(admission: PublicAdmission, workMillis: number) {
  let inside = 0;
  let most = 0;
  const server: Server = createServer(async (request, response) => {
    try {
      await admission.onRequest(request as unknown as FastifyRequest, { raw: response } as unknown as FastifyReply);
    } catch (error) {
      response.writeHead(503, { "retry-after": "2" }).end((error as Error).message);
      return;
    }
    inside += 1;
    most = Math.max(most, inside);
    setTimeout(() => {
      inside -= 1;
      response.end("ok");
    }, workMillis);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { server, url, most: () => most };
}

/** A request to a route that is not public (the admin's, a probe): public requests yield for `protectMillis`. */
function adminRequest(admission: PublicAdmission) {
  admission.onAnyRequest(
    { routeOptions: { url: "/api/v1/admin/data-sources" } } as unknown as FastifyRequest,
    {} as FastifyReply,
    () => {},
  );
}

const PUBLIC = new Set(["/api/v1/jobs"]);

const admit = (options: {
  maxInFlight?: number;
  protectedMaxInFlight?: number;
  queueTimeoutMillis: number;
  protectMillis?: number;
}) =>
  new PublicAdmission(
    {
      busyShare: 0.6,
      maxInFlight: options.maxInFlight ?? 64,
      protectedMaxInFlight: options.protectedMaxInFlight ?? 64,
      queueTimeoutMillis: options.queueTimeoutMillis,
      tickMillis: 10,
      protectMillis: options.protectMillis ?? 60_000,
    },
    PUBLIC,
  );

/** Keeps the event loop ~90 % busy (9 ms of every 10), as a flood of public requests or a parse would. */
function busyLoop() {
  const timer = setInterval(() => {
    const until = performance.now() + 9;
    while (performance.now() < until) {
      // busy
    }
  }, 1);
  return () => clearInterval(timer);
}

describe("PublicAdmission", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const start = async (options: Parameters<typeof admit>[0], workMillis: number) => {
    const admission = admit(options);
    const served = await serve(admission, workMillis);
    cleanups.push(
      () => served.server.close(),
      () => admission.close(),
    );
    return { admission, ...served };
  };

  it("lets public requests in at full pace while nobody else is served, then yields to others for a while", async () => {
    const { admission, url, most } = await start(
      { maxInFlight: 20, queueTimeoutMillis: 5_000, protectMillis: 200 },
      40,
    );
    const flood = () => Promise.all(Array.from({ length: 30 }, () => fetch(url).then((r) => r.status)));
    expect((await flood()).every((status) => status === 200)).toBe(true);
    expect(most()).toBe(20); // nobody else to serve
    cleanups.push(busyLoop());
    // a public route's own request protects nothing
    admission.onAnyRequest(
      { routeOptions: { url: "/api/v1/jobs" } } as unknown as FastifyRequest,
      {} as FastifyReply,
      () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admission.current.limit).toBe(20);
    adminRequest(admission);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admission.current.limit).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(admission.current.limit).toBe(20); // the admin went quiet
    expect(admission.current).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it("lets more public requests in while others are served and the event loop has room", async () => {
    const { admission, url, most } = await start({ queueTimeoutMillis: 5_000 }, 40);
    adminRequest(admission);
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(url).then((r) => r.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(most()).toBeGreaterThan(4); // started at 4, raised while requests waited and the loop was idle
    expect(most()).toBeLessThan(30);
    expect(admission.current).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it("never lets more public requests in than leave a core free while others are served", async () => {
    const { admission, url, most } = await start({ queueTimeoutMillis: 5_000, protectedMaxInFlight: 2 }, 30);
    adminRequest(admission);
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(url).then((r) => r.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(most()).toBe(2);
  });

  it("lets one public request in at a time while the event loop is busy, and every one is answered", async () => {
    const { admission, url, most } = await start({ queueTimeoutMillis: 10_000 }, 20);
    adminRequest(admission);
    cleanups.push(busyLoop());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(admission.current.limit).toBe(1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(url).then((r) => r.status)));
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    expect(most()).toBe(1);
    expect(admission.current).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it("answers 503 to a request that waited too long, and forgets a client that left while waiting", async () => {
    const { admission, url } = await start({ queueTimeoutMillis: 300 }, 1_000);
    adminRequest(admission);
    cleanups.push(busyLoop());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = fetch(url);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = await fetch(url);
    expect(late.status).toBe(503);
    expect(late.headers.get("retry-after")).toBe("2");
    const leaving = new AbortController();
    const gone = fetch(url, { signal: leaving.signal }).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admission.current.waiting).toBe(1);
    leaving.abort();
    expect(await gone).toBe("aborted");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admission.current.waiting).toBe(0);
    expect((await first).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admission.current).toMatchObject({ inFlight: 0, waiting: 0 });
  });
});
