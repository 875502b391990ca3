import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AuthService, Principal } from "../auth/auth.service";
import type { TokenUse } from "../auth/token-service";
import { AppError } from "../errors/app-error";

/**
 * Who may call a route. Under /api/v1/admin every change (POST, PATCH, PUT, DELETE) is "admin" whatever its config
 * says; a read (GET) is "user" — viewers see every page read-only — unless its config says "admin" (users, audit).
 */
export type RouteAccess = "public" | "user" | "admin";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Also accept a short-lived stream token as `?token=` (for EventSource). */
    streamToken?: boolean;
  }
}

export const ADMIN_PREFIX = "/api/v1/admin";

const READS = new Set(["GET", "HEAD"]);

export function routeAccess(url: string, method: string, configured: RouteAccess | undefined): RouteAccess {
  if (url === ADMIN_PREFIX || url.startsWith(`${ADMIN_PREFIX}/`)) {
    return READS.has(method) && configured !== "admin" ? "user" : "admin";
  }
  return configured ?? "public";
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "Authorization header must be 'Bearer <token>'");
  return match[1] ?? null;
}

/** Authenticate and authorise every request in one hook, from the route's access level. */
export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const url = request.routeOptions.url;
    if (!url) return;
    const access = routeAccess(url, request.method, request.routeOptions.config.access);
    if (access === "public") return;
    let token = bearerToken(request);
    const uses: TokenUse[] = ["access"];
    if (!token && request.routeOptions.config.streamToken) {
      const query = request.query as Record<string, unknown> | undefined;
      if (typeof query?.token === "string") {
        token = query.token;
        uses.push("stream");
      }
    }
    if (!token) throw new AppError("unauthorized", "authentication required: send 'Authorization: Bearer <token>'");
    request.principal = await auth.authenticate(token, uses);
    if (access === "admin" && request.principal.role !== "admin") {
      throw new AppError("forbidden", "this action requires the admin role");
    }
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("unauthorized", "authentication required");
  return request.principal;
}
