import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/**
 * A real HTTP server on port 0 that answers the API routes a test sets up, standing in for the API server at the
 * network boundary (component tests cannot boot the real one under jsdom). It records every request.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export type RouteHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface StubApiServer {
  url: string;
  requests: RecordedRequest[];
  /** Answer `METHOD /api/v1/...` (no query string) with this handler. */
  on(method: string, path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

export function apiError(response: ServerResponse, status: number, code: string, message: string, details?: unknown) {
  json(response, status, { error: { code, message, details } });
}

/** Start an SSE answer; returns a writer of events. */
export function sse(response: ServerResponse) {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
  response.flushHeaders();
  return {
    event(event: string, data: unknown, id?: number) {
      response.write(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    ping() {
      response.write(": ping\n\n");
    },
    end() {
      response.end();
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startStubApi(): Promise<StubApiServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stub");
    // The test page (jsdom) has another origin: answer CORS as a browser would need it.
    response.setHeader("access-control-allow-origin", "*");
    response.setHeader("access-control-allow-headers", "authorization, content-type, last-event-id");
    response.setHeader("access-control-allow-methods", "GET, POST, PATCH, DELETE");
    if (request.method === "OPTIONS") {
      response.writeHead(204).end();
      return;
    }
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: await readBody(request),
    };
    requests.push(recorded);
    const handler = routes.get(`${recorded.method} ${recorded.path}`);
    open.add(response);
    response.on("close", () => open.delete(response));
    if (!handler) {
      apiError(response, 404, "not_found", `no stub for ${recorded.method} ${recorded.path}`);
      return;
    }
    await handler(recorded, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("stub server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    on(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    async close() {
      for (const response of open) response.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
