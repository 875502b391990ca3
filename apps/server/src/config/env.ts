import { z } from "zod";

/**
 * The one place that reads `process.env`. Every variable is validated at boot; every bad one is named in a single
 * error and the process exits 1 (see main.ts). Units are in the names.
 */
const flag = (name: string, fallback: boolean) =>
  z
    .enum(["0", "1", "true", "false"], { error: `${name} must be 0, 1, true or false` })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "1" || v === "true"));

const int = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const text = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v));

export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" })
      .default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: int("PORT", 0, 65535, 3000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: text.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL must be a postgres:// or postgresql:// URL",
    }),
    JWT_SECRET: text.refine((v) => v === undefined || v.length >= 32, {
      message: "JWT_SECRET must be at least 32 characters",
    }),
    JWT_EXPIRES_SECS: int("JWT_EXPIRES_SECS", 60, 30 * 24 * 3600, 8 * 3600),
    ADMIN_EMAIL: text.refine(
      (v) => v === undefined || z.email({ pattern: z.regexes.html5Email }).safeParse(v).success,
      {
        message: "ADMIN_EMAIL must be an e-mail address",
      },
    ),
    ADMIN_PASSWORD: text.refine((v) => v === undefined || v.length >= 8, {
      message: "ADMIN_PASSWORD must be at least 8 characters",
    }),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    WORKERS: int("WORKERS", 0, 1, 1),
    SYNC_CONCURRENCY: int("SYNC_CONCURRENCY", 1, 32, 2),
    SYNC_STALE_SECS: int("SYNC_STALE_SECS", 5, 3600, 60),
    SYNC_RETENTION: int("SYNC_RETENTION", 1, 100000, 50),
    SYNC_MAX_ATTEMPTS: int("SYNC_MAX_ATTEMPTS", 1, 20, 3),
    SYNC_BATCH_SIZE: int("SYNC_BATCH_SIZE", 1, 1000, 50),
    DEMO_BOARD: flag("DEMO_BOARD", true),
    DEMO_BOARD_PORT: int("DEMO_BOARD_PORT", 0, 65535, 3001),
    DEMO_BOARD_ADMIN: flag("DEMO_BOARD_ADMIN", false),
    CHROMIUM_PATH: text,
    CORS_ORIGINS: text,
    ALLOW_PRIVATE_HOSTS: flag("ALLOW_PRIVATE_HOSTS", false),
    ALLOW_PRIVATE_WEBHOOKS: flag("ALLOW_PRIVATE_WEBHOOKS", false),
    LOGIN_MAX_ATTEMPTS: int("LOGIN_MAX_ATTEMPTS", 1, 1000, 5),
    LOGIN_WINDOW_SECS: int("LOGIN_WINDOW_SECS", 1, 86400, 900),
    WEB_DIST_DIR: text,
    SMTP_URL: text.refine((v) => v === undefined || /^smtps?:\/\/[^/]/.test(v), {
      message: "SMTP_URL must be an smtp:// or smtps:// URL",
    }),
    SMTP_FROM: text,
    AUDIT_RETENTION_DAYS: int("AUDIT_RETENTION_DAYS", 1, 36500, 365),
    // the public API (GET /api/v1/jobs…): its own read lane, statement timeout and per-IP limits
    PUBLIC_DB_POOL_SIZE: int("PUBLIC_DB_POOL_SIZE", 1, 50, 3),
    PUBLIC_STATEMENT_TIMEOUT_MILLIS: int("PUBLIC_STATEMENT_TIMEOUT_MILLIS", 100, 600_000, 5_000),
    PUBLIC_SEARCH_PER_MINUTE: int("PUBLIC_SEARCH_PER_MINUTE", 1, 1_000_000, 120),
    PUBLIC_EXPORT: flag("PUBLIC_EXPORT", true),
    PUBLIC_EXPORT_PER_HOUR: int("PUBLIC_EXPORT_PER_HOUR", 1, 1_000_000, 10),
    // Prometheus /metrics (issue 15): off unless a token is set (Bearer) or they are public; workers on METRICS_PORT
    METRICS_TOKEN: text.refine((v) => v === undefined || v.length >= 16, {
      message: "METRICS_TOKEN must be at least 16 characters",
    }),
    METRICS_PUBLIC: flag("METRICS_PUBLIC", false),
    METRICS_PORT: int("METRICS_PORT", 0, 65535, 0),
    /** Page archives (one WARC file per sync job); default DATA_DIR/archive. */
    ARCHIVE_DIR: text,
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_SECRET"],
        message: "JWT_SECRET is required when DATABASE_URL is set (at least 32 characters, shared by every process)",
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
    }
  });

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

/** Parse the environment once. Throws `EnvError` naming every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

/** For entry points: the environment, or every problem printed and exit 1. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
