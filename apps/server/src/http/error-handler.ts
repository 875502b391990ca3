import type { ErrorCode, FieldError } from "@jobsync/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { ReadAbortedError } from "../db/read-lane";
import { AppError } from "../errors/app-error";

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply
    .status(status)
    .type("application/json; charset=utf-8")
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const CONTEXT_LABEL: Record<string, string> = { body: "", querystring: "query ", params: "path ", headers: "header " };

interface ValidationItem {
  instancePath: string;
  keyword?: string;
  message?: string;
  params?: { keys?: string[] };
}

function validationDetails(error: { validation: unknown; validationContext?: string }) {
  const context = error.validationContext ?? "body";
  const items = error.validation as ValidationItem[];
  const fields: FieldError[] = items.flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    if (issue.keyword === "unrecognized_keys" && issue.params?.keys) {
      return issue.params.keys.map((key) => {
        const keyPath = path ? `${path}.${key}` : key;
        return { path: keyPath, message: `${keyPath} is not a known field` };
      });
    }
    return [{ path: path || `(${context})`, message: issue.message ?? "invalid value" }];
  });
  const label = CONTEXT_LABEL[context] ?? "";
  const message = fields
    .map((f) =>
      f.message.startsWith(f.path.split(".").pop() ?? "\u0000") ? f.message : `${label}${f.path}: ${f.message}`,
    )
    .join("; ");
  return { fields, message };
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: (e: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "bad_request",
    message: (e) => `request body is not valid JSON: ${e.message}`,
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "bad_request",
    message: () => "request body is empty; send a JSON object or no Content-Type",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload_too_large", message: () => "request body is larger than 1 MB" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    message: (e) =>
      `unsupported Content-Type: ${e.message.replace(/^Unsupported Media Type:?\s*/i, "")}; send application/json`,
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "bad_request", message: () => "Content-Length does not match the body" },
  FST_ERR_BAD_URL: { code: "bad_request", message: () => "the request URL is malformed" },
  FST_ERR_ASYNC_CONSTRAINT: { code: "bad_request", message: (e) => e.message },
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 429) return "rate_limited";
  return "bad_request";
}

/**
 * Errors fastify raises before a route is found (a malformed URL such as `/jobs/%zz`, a path parameter over the
 * router's limit): the same `{ error: { code, message } }` shape as every other 4xx.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // no route means no hooks ran (helmet's included): the answer carries the security headers itself
  reply.headers({
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    "x-request-id": request.id,
  });
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    return send(reply, 414, "bad_request", "a path parameter of the request URL is too long");
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  return send(reply, 400, known?.code ?? "bad_request", known?.message(error) ?? "the request URL is malformed");
}

/**
 * One error handler: 4xx carry their real message in `{ error: { code, message, details } }`; 5xx are logged with the
 * request id and answer a message that hides internals.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ReadAbortedError) {
      // the client left: nobody reads an answer, and its query was cancelled
      request.log.debug({ req: request }, "client left before the answer");
      return reply.status(499).send();
    }
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return send(reply, error.status, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { fields, message } = validationDetails(error);
      return send(reply, 400, "validation_failed", message, fields);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      const status = known.code === "payload_too_large" ? 413 : known.code === "unsupported_media_type" ? 415 : 400;
      return send(reply, status, known.code, known.message(error));
    }
    if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) {
      return send(reply, 400, "bad_request", `request body is not valid JSON: ${error.message}`);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      return send(reply, status, codeForStatus(status), error.message);
    }
    request.log.error({ err: error }, "request failed");
    return send(reply, 500, "internal", `internal error; see the server log for request ${request.id}`);
  });
}
