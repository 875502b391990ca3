import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { isServerPath, isWebAppPath } from "@jobsync/contracts";
import type { FastifyInstance } from "fastify";

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/**
 * Serve the built admin UI at `/`. Hashed assets are cached; index.html never is, so a new build is picked up.
 * Unknown paths: the server's own (`/api`, `/healthz`, `/readyz`, `/metrics`) and non-GET requests get the JSON 404;
 * a browser GET of one of the admin UI's pages (`/data-sources/TopCV`, `/sync-jobs/<id>`, see WEB_APP_PATHS) gets
 * index.html, and of any other path index.html with status 404, so the app shows its "page not found".
 * Returns false when the UI is not built.
 */
export async function registerStaticWeb(app: FastifyInstance, distDir: string): Promise<boolean> {
  const built = existsSync(join(distDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: "/",
      index: ["index.html"],
      maxAge: "1h",
      setHeaders: (reply, path) => {
        if (path.endsWith(".html")) reply.header("cache-control", "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const wantsPage =
      built &&
      (request.method === "GET" || request.method === "HEAD") &&
      !isServerPath(path) &&
      (request.headers.accept ?? "").includes("text/html");
    if (wantsPage) {
      return reply
        .status(isWebAppPath(path) ? 200 : 404)
        .header("cache-control", "no-cache")
        .sendFile("index.html");
    }
    return reply.status(404).send({ error: { code: "not_found", message: `no route ${request.method} ${path}` } });
  });
  return built;
}
