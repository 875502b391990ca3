import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { PrivateAddressError } from "../fetch/errors";
import type { NetworkPolicy, ResolvedAddress } from "./network-policy";

/** Refusals remembered for the fetcher to name (the most recent ones). */
const MAX_REMEMBERED_REFUSALS = 1000;

/** The header a refused plain-HTTP request is answered with (the browser fetcher reads it back). */
export const REFUSED_HEADER = "x-jobsync-refused";

/** Hop-by-hop headers a proxy does not forward (RFC 9110 §7.6.1), and the proxy's own. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "proxy-authenticate",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Chromium's way out: a local forward proxy (plain HTTP forwarding and CONNECT tunnels) that Chromium is started
 * with (`--proxy-server`, and `--proxy-bypass-list=<-loopback>` so not even loopback goes around it). Every
 * connection Chromium makes — the page, its redirects, its scripts, iframes, fetch() and WebSockets — is resolved
 * here through the network policy and connected to the address that was checked, so a page cannot reach an internal
 * address, whatever name or rebinding trick it uses. Refusals are remembered by host so the fetcher can name them.
 */
export class GuardProxy {
  private readonly sockets = new Set<Duplex>();
  private readonly refusals = new Map<string, PrivateAddressError>();
  private readonly upstream = new HttpAgent({ keepAlive: true, maxSockets: 16 });

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(policy: NetworkPolicy, connectTimeoutMillis: number): Promise<GuardProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const proxy = new GuardProxy(server, `http://127.0.0.1:${port}`);
    server.on("connection", (socket: Socket) => proxy.track(socket));
    server.on("request", (req, res) => proxy.forward(policy, req, res, connectTimeoutMillis));
    server.on("connect", (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      proxy.tunnel(policy, req, socket, head, connectTimeoutMillis),
    );
    server.on("clientError", (_error, socket) => socket.destroy());
    return proxy;
  }

  /** The refusal of a connection to `host` (as written in the URL), if one happened. */
  refusalFor(host: string): PrivateAddressError | null {
    return this.refusals.get(host.toLowerCase()) ?? null;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.upstream.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {});
  }

  private refused(error: unknown, host: string): PrivateAddressError | null {
    if (!(error instanceof PrivateAddressError)) return null;
    // a page asking for endless made-up names cannot grow this: the oldest refusals go first
    if (this.refusals.size >= MAX_REMEMBERED_REFUSALS)
      this.refusals.delete(this.refusals.keys().next().value as string);
    this.refusals.set(host.toLowerCase(), error);
    return error;
  }

  /** Plain HTTP: `GET http://host:port/path` → the same request to the checked address. */
  private async forward(policy: NetworkPolicy, req: IncomingMessage, res: ServerResponse, timeoutMillis: number) {
    let target: URL;
    try {
      target = new URL(req.url ?? "");
      if (target.protocol !== "http:") throw new Error("not http");
    } catch {
      res.writeHead(400, { "content-type": "text/plain" }).end("the guard proxy forwards absolute http:// URLs only");
      return;
    }
    const port = Number(target.port) || 80;
    let addresses: ResolvedAddress[];
    try {
      addresses = await policy.resolve(target.hostname, port, target.href);
    } catch (error) {
      const refusal = this.refused(error, target.host);
      const message = refusal ? refusal.message : `could not resolve ${target.hostname}: ${(error as Error).message}`;
      res.writeHead(refusal ? 403 : 502, { "content-type": "text/plain", [REFUSED_HEADER]: refusal ? "1" : "0" });
      res.end(message);
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const upstream = httpRequest({
      host: (addresses[0] as ResolvedAddress).address,
      port,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers: { ...headers, host: target.host },
      setHost: false,
      agent: this.upstream,
      timeout: timeoutMillis,
    });
    upstream.on("response", (answer) => {
      const forwarded: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) forwarded[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwarded);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("timeout", () => upstream.destroy(new Error("upstream timeout")));
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("upstream error");
      else res.destroy();
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  }

  /** CONNECT host:port (https, wss): a TCP tunnel to the checked address. */
  private async tunnel(
    policy: NetworkPolicy,
    req: IncomingMessage,
    client: Duplex,
    head: Buffer,
    timeoutMillis: number,
  ): Promise<void> {
    this.track(client);
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? "");
    if (!match) {
      client.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const host = match[1] as string;
    const port = Number(match[2]);
    let addresses: ResolvedAddress[];
    try {
      addresses = await policy.resolve(host, port, `https://${req.url}/`);
    } catch (error) {
      const refusal = this.refused(error, port === 443 ? host : (req.url ?? host));
      client.end(
        `HTTP/1.1 ${refusal ? "403 Forbidden" : "502 Bad Gateway"}\r\n${REFUSED_HEADER}: ${refusal ? 1 : 0}\r\n\r\n`,
      );
      return;
    }
    const upstream = connect({ host: (addresses[0] as ResolvedAddress).address, port, timeout: timeoutMillis });
    this.track(upstream);
    upstream.once("connect", () => {
      upstream.setTimeout(0);
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("timeout", () => upstream.destroy());
    upstream.on("error", () => {
      if (client.writable) client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
    });
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
  }
}
