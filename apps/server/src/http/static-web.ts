import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/**
 * Serve the built admin UI at `/`. Unknown paths: API paths and non-GET requests get the JSON 404; a browser GET for
 * any other path gets index.html (single-page fallback). Returns false when the UI is not built.
 */
export async function registerStaticWeb(app: FastifyInstance, distDir: string): Promise<boolean> {
  const built = existsSync(join(distDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, { root: distDir, prefix: "/", index: ["index.html"], maxAge: "1h" });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const wantsPage =
      built &&
      (request.method === "GET" || request.method === "HEAD") &&
      !path.startsWith("/api/") &&
      path !== "/api" &&
      (request.headers.accept ?? "").includes("text/html");
    if (wantsPage) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply.status(404).send({ error: { code: "not_found", message: `no route ${request.method} ${path}` } });
  });
  return built;
}
