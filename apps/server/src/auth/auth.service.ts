import type { TokenResponse, User, UserRole } from "@jobsync/contracts";
import type { AuditActor } from "../audit/audit-actor";
import type { AuditLogRepository } from "../audit/audit-log.repository";
import type { Db } from "../db/database";
import { inTransaction } from "../db/transaction";
import { AppError } from "../errors/app-error";
import type { LiveSessions } from "./live-sessions";
import type { LoginRateLimiter } from "./login-rate-limiter";
import { generatePassword, hashPassword, verifyPassword } from "./password";
import type { SessionRepository } from "./session.repository";
import { InvalidTokenError, type TokenService, type TokenUse } from "./token-service";
import type { UserRepository } from "./user.repository";

/** The authenticated caller of a request. */
export interface Principal {
  id: string;
  email: string;
  role: UserRole;
  /** The session of the caller's token (ended by logout, a password change, a role change or deactivation). */
  sessionId: string;
}

/** A hash no password matches, verified for unknown e-mails so timing does not reveal which accounts exist. */
const DUMMY_HASH = hashPassword("jobsync-no-such-user");

export function actorOf(principal: Principal, ip: string | null): AuditActor {
  return { userId: principal.id, email: principal.email, ip };
}

export interface AuthStores {
  db: Db;
  users: UserRepository;
  sessions: SessionRepository;
  /** The live sessions held in memory, forgotten when any process ends or changes them. */
  liveSessions: LiveSessions;
  audit: AuditLogRepository;
}

export class AuthService {
  constructor(
    private readonly stores: AuthStores,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  private get users() {
    return this.stores.users;
  }

  /** Sign in: a new session, its token, `last_login_at`, and an `auth.login` row — or an `auth.login_failed` row. */
  async login(email: string, password: string, ip: string): Promise<TokenResponse> {
    const retryAfter = await this.limiter.retryAfterSecs(ip, email);
    if (retryAfter > 0) {
      throw new AppError("rate_limited", `too many failed logins; try again in ${retryAfter} s`, undefined, {
        "retry-after": String(retryAfter),
      });
    }
    const user = await this.users.findByEmail(email);
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await DUMMY_HASH, password);
    if (!user || !ok || !user.active) {
      await this.limiter.recordFailure(ip, email);
      const reason = !user ? "unknown e-mail" : !ok ? "wrong password" : "account deactivated";
      await inTransaction(this.stores.db, (tx) =>
        this.stores.audit.record(
          tx,
          { userId: user?.id ?? null, email: email.toLowerCase(), ip },
          { action: "auth.login_failed", objectId: user?.id ?? null, changes: { reason } },
        ),
      );
      // a deactivated account is told apart from a wrong password only when the password was right
      if (ok && user)
        throw new AppError("unauthorized", "this account is deactivated", { reason: "account_deactivated" });
      throw new AppError("unauthorized", "invalid e-mail or password");
    }
    await this.limiter.recordSuccess(ip, email);
    const expiresAt = new Date(Date.now() + this.tokens.accessTokenSecs * 1000);
    const sessionId = await inTransaction(this.stores.db, async (tx) => {
      const id = await this.stores.sessions.start(user.id, expiresAt, ip, tx);
      await this.users.touchLogin(user.id, tx);
      await this.stores.audit.record(
        tx,
        { userId: user.id, email: user.email, ip },
        { action: "auth.login", objectId: user.id },
      );
      return id;
    });
    void this.stores.sessions.prune().catch(() => {});
    const access_token = await this.tokens.sign({ userId: user.id, email: user.email, role: user.role, sessionId });
    return { access_token, token_type: "bearer", expires_in: this.tokens.accessTokenSecs };
  }

  /** End the caller's session: its tokens (stream tokens too) are refused from now on. */
  async logout(principal: Principal, ip: string | null): Promise<void> {
    await inTransaction(this.stores.db, async (tx) => {
      if (!(await this.stores.sessions.end(principal.sessionId, tx))) return;
      await this.stores.audit.record(tx, actorOf(principal, ip), { action: "auth.logout", objectId: principal.id });
    });
    this.stores.liveSessions.changedHere({ kind: "session", id: principal.sessionId });
  }

  /** A new password for the caller (the current one required); the caller's other sessions end. */
  async changePassword(principal: Principal, current: string, next: string, ip: string | null): Promise<void> {
    const row = await this.users.findById(principal.id);
    if (!row) throw new AppError("unauthorized", "the account of this token no longer exists");
    if (!(await verifyPassword(row.passwordHash, current))) {
      throw new AppError("validation_failed", "current_password is not your current password", [
        { path: "current_password", message: "current_password is not your current password" },
      ]);
    }
    if (current === next) {
      throw new AppError("validation_failed", "new_password must differ from the current one", [
        { path: "new_password", message: "new_password must differ from the current one" },
      ]);
    }
    const hash = await hashPassword(next);
    await inTransaction(this.stores.db, async (tx) => {
      await this.users.setPasswordById(principal.id, hash, tx);
      const ended = await this.stores.sessions.endAllOf(principal.id, tx, principal.sessionId);
      await this.stores.audit.record(tx, actorOf(principal, ip), {
        action: "auth.change_password",
        objectId: principal.id,
        changes: { password: "changed", other_sessions_ended: ended },
      });
    });
    this.stores.liveSessions.changedHere({ kind: "user", id: principal.id });
  }

  async streamToken(principal: Principal): Promise<{ token: string; expires_in: number }> {
    const token = await this.tokens.sign(
      { userId: principal.id, email: principal.email, role: principal.role, sessionId: principal.sessionId },
      "stream",
    );
    return { token, expires_in: 300 };
  }

  /**
   * Verify a token and check its session is live and its user active, with the user's current role. The session is
   * held in memory once read (LiveSessions): a session that ends, or whose user changes, is forgotten in every process
   * as the change's NOTIFY arrives and refused on its next request; while LISTEN is down every request reads it.
   * Throws 401.
   */
  async authenticate(token: string, allowed: TokenUse[]): Promise<Principal> {
    let claims: Awaited<ReturnType<TokenService["verify"]>>;
    try {
      claims = await this.tokens.verify(token);
    } catch (error) {
      throw new AppError("unauthorized", error instanceof InvalidTokenError ? error.message : "token is invalid");
    }
    if (!allowed.includes(claims.use)) throw new AppError("unauthorized", "this token cannot be used here");
    const live = await this.sessionUser(claims.sessionId);
    if (!live || live.id !== claims.userId) {
      throw new AppError("unauthorized", "this session has ended; sign in again");
    }
    return live;
  }

  /** The principal of a session while it is live, else null (open event streams ask this as they go). */
  async sessionUser(sessionId: string): Promise<Principal | null> {
    const user = await this.stores.liveSessions.get(sessionId);
    return user ? { id: user.id, email: user.email, role: user.role, sessionId } : null;
  }

  async me(principal: Principal): Promise<User> {
    const row = await this.users.findById(principal.id);
    if (!row) throw new AppError("unauthorized", "the account of this token no longer exists");
    return { id: row.id, email: row.email, role: row.role, created_at: row.createdAt.toISOString() };
  }

  /** The CLI's and the first start's account creation (not audited: no signed-in actor). */
  async createUser(email: string, password: string, role: UserRole): Promise<User> {
    if (password.length < 8) throw new AppError("validation_failed", "password must be at least 8 characters");
    const row = await this.users.create(email, await hashPassword(password), role);
    if (!row) throw new AppError("conflict", `a user with e-mail ${email} already exists`);
    return { id: row.id, email: row.email, role: row.role, created_at: row.createdAt.toISOString() };
  }

  /** The CLI's password reset: the user's sessions end. */
  async resetPassword(email: string, password: string): Promise<void> {
    if (password.length < 8) throw new AppError("validation_failed", "password must be at least 8 characters");
    const row = await this.users.findByEmail(email);
    if (!row) throw new AppError("not_found", `no user with e-mail ${email}`);
    const hash = await hashPassword(password);
    await inTransaction(this.stores.db, async (tx) => {
      await this.users.setPasswordById(row.id, hash, tx);
      await this.stores.sessions.endAllOf(row.id, tx);
    });
    this.stores.liveSessions.changedHere({ kind: "user", id: row.id });
  }

  /**
   * At start: make sure an admin can log in. With ADMIN_EMAIL/ADMIN_PASSWORD, that account exists (created if
   * missing). Without them and no admin at all, `admin@localhost` is created with a generated password, returned
   * so the caller prints it once.
   */
  async ensureAdmin(adminEmail?: string, adminPassword?: string): Promise<{ email: string; password?: string } | null> {
    if (adminEmail && adminPassword) {
      const existing = await this.users.findByEmail(adminEmail);
      if (existing) return null;
      await this.createUser(adminEmail, adminPassword, "admin");
      return { email: adminEmail };
    }
    if ((await this.users.countByRole("admin")) > 0) return null;
    const password = generatePassword();
    const created = await this.users.create("admin@localhost", await hashPassword(password), "admin");
    return created ? { email: created.email, password } : null;
  }
}
