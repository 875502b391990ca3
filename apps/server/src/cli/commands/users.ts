import { loginRequestSchema, userRoleSchema } from "@jobsync/contracts";
import { AuditLogRepository } from "../../audit/audit-log.repository";
import { AuthService } from "../../auth/auth.service";
import { LiveSessions } from "../../auth/live-sessions";
import { LoginRateLimiter } from "../../auth/login-rate-limiter";
import { SessionRepository } from "../../auth/session.repository";
import { SessionChanges } from "../../auth/session-changes";
import { TokenService } from "../../auth/token-service";
import { UserRepository } from "../../auth/user.repository";
import { AppError } from "../../errors/app-error";
import { RateLimitRepository } from "../../rate-limit/rate-limit.repository";
import { parseFlags, required } from "../args";
import { CliError, type CliIo, readLine, withDatabase } from "../cli-context";

export const USERS_USAGE = `users:create --email E --role admin|viewer [--password P]
  create an account (the password is read from stdin when not given)
users:reset-password --email E [--password P]
  set a new password`;

function email(value: string | undefined): string {
  const parsed = loginRequestSchema.shape.email.safeParse(required(value, "--email"));
  if (!parsed.success) throw new CliError(`--email: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

async function password(given: string | undefined, io: CliIo): Promise<string> {
  const value = given ?? (await readLine(io, "password: "));
  if (value.length < 8) throw new CliError("the password must be at least 8 characters");
  return value;
}

function authService(database: Parameters<Parameters<typeof withDatabase>[0]>[0]) {
  // tokens are not issued here; the service only needs a key to exist
  const sessions = new SessionRepository(database.db);
  return new AuthService(
    {
      db: database.db,
      users: new UserRepository(database.db),
      sessions,
      // not listening: nothing is held, every check reads the database (the CLI authenticates no request anyway)
      liveSessions: new LiveSessions((id) => sessions.live(id), new SessionChanges(database)),
      audit: new AuditLogRepository(database.db),
    },
    new TokenService("cli-does-not-sign-tokens-0123456789abcdef", 60),
    new LoginRateLimiter(1, 1, new RateLimitRepository(database.db)),
  );
}

export async function usersCreate(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { email: { type: "string" }, role: { type: "string" }, password: { type: "string" } });
  const address = email(flags.email);
  const role = userRoleSchema.safeParse(required(flags.role, "--role"));
  if (!role.success) throw new CliError("--role must be admin or viewer");
  const secret = await password(flags.password, io);
  return withDatabase(async (database) => {
    try {
      const user = await authService(database).createUser(address, secret, role.data);
      io.stdout(`created ${user.role} ${user.email}`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message);
      throw error;
    }
  });
}

export async function usersResetPassword(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { email: { type: "string" }, password: { type: "string" } });
  const address = email(flags.email);
  const secret = await password(flags.password, io);
  return withDatabase(async (database) => {
    try {
      await authService(database).resetPassword(address, secret);
      io.stdout(`password of ${address} changed`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message);
      throw error;
    }
  });
}
