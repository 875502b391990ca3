import type { FastifyRequest } from "fastify";
import type { AuditActor } from "../audit/audit-actor";
import { actorOf } from "../auth/auth.service";
import { principalOf } from "./auth-hook";

/** The signed-in caller of a request and its IP, as the audit log records them. */
export function requestActor(request: FastifyRequest): AuditActor {
  return actorOf(principalOf(request), request.ip);
}
