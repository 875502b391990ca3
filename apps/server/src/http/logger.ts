import type { FastifyRequest } from "fastify";

/** Query parameters whose values never reach the log. */
const SECRET_QUERY = /([?&](?:token|access_token|password)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, "$1[redacted]");
}

/** pino options: JSON lines with request ids; tokens, passwords and secrets are never logged. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "*.password",
        "*.access_token",
        "*.token",
        "*.JWT_SECRET",
        "*.passwordHash",
      ],
      censor: "[redacted]",
    },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        };
      },
    },
  };
}
