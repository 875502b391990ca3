import type { FastifyRequest } from "fastify";
import pino, { type Logger } from "pino";

/** Query parameters whose values never reach the log. */
const SECRET_QUERY = /([?&](?:token|access_token|password)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, "$1[redacted]");
}

/** One pino logger for the process: JSON lines; tokens, passwords and secrets are never logged. */
export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          "password",
          "*.password",
          "access_token",
          "*.access_token",
          "token",
          "*.token",
          "JWT_SECRET",
          "*.JWT_SECRET",
          "*.passwordHash",
        ],
        censor: "[redacted]",
      },
      serializers: {
        err: pino.stdSerializers.err,
        req(request: FastifyRequest) {
          return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
        },
      },
    },
    stream ?? process.stdout,
  );
}
