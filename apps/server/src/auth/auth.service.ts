import type { TokenResponse, User, UserRole } from "@jobsync/contracts";
import { AppError } from "../errors/app-error";
import type { LoginRateLimiter } from "./login-rate-limiter";
import { generatePassword, hashPassword, verifyPassword } from "./password";
import { InvalidTokenError, type TokenService, type TokenUse } from "./token-service";
import type { UserRepository } from "./user.repository";

/** The authenticated caller of a request. */
export interface Principal {
  id: string;
  email: string;
  role: UserRole;
}

/** A hash no password matches, verified for unknown e-mails so timing does not reveal which accounts exist. */
const DUMMY_HASH = hashPassword("jobsync-no-such-user");
const USER_CACHE_MILLIS = 10_000;

export class AuthService {
  private readonly userCache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
  ) {}

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
    if (!user || !ok) {
      await this.limiter.recordFailure(ip, email);
      throw new AppError("unauthorized", "invalid e-mail or password");
    }
    await this.limiter.recordSuccess(ip, email);
    const access_token = await this.tokens.sign({ userId: user.id, email: user.email, role: user.role });
    return { access_token, token_type: "bearer", expires_in: this.tokens.accessTokenSecs };
  }

  async streamToken(principal: Principal): Promise<{ token: string; expires_in: number }> {
    const token = await this.tokens.sign(
      { userId: principal.id, email: principal.email, role: principal.role },
      "stream",
    );
    return { token, expires_in: 300 };
  }

  /** Verify a token and check its user still exists with that role. Throws 401 with the reason. */
  async authenticate(token: string, allowed: TokenUse[]): Promise<Principal> {
    let claims: Awaited<ReturnType<TokenService["verify"]>>;
    try {
      claims = await this.tokens.verify(token);
    } catch (error) {
      throw new AppError("unauthorized", error instanceof InvalidTokenError ? error.message : "token is invalid");
    }
    if (!allowed.includes(claims.use)) throw new AppError("unauthorized", "this token cannot be used here");
    const principal = await this.currentUser(claims.userId);
    if (!principal) throw new AppError("unauthorized", "the account of this token no longer exists");
    return principal;
  }

  private async currentUser(id: string): Promise<Principal | null> {
    const cached = this.userCache.get(id);
    if (cached && cached.until > Date.now()) return cached.principal;
    const row = await this.users.findById(id);
    const principal = row ? { id: row.id, email: row.email, role: row.role } : null;
    if (this.userCache.size > 10_000) this.userCache.clear();
    this.userCache.set(id, { principal, until: Date.now() + USER_CACHE_MILLIS });
    return principal;
  }

  async me(principal: Principal): Promise<User> {
    const row = await this.users.findById(principal.id);
    if (!row) throw new AppError("unauthorized", "the account of this token no longer exists");
    return { id: row.id, email: row.email, role: row.role, created_at: row.createdAt.toISOString() };
  }

  async createUser(email: string, password: string, role: UserRole): Promise<User> {
    if (password.length < 8) throw new AppError("validation_failed", "password must be at least 8 characters");
    const row = await this.users.create(email, await hashPassword(password), role);
    if (!row) throw new AppError("conflict", `a user with e-mail ${email} already exists`);
    return { id: row.id, email: row.email, role: row.role, created_at: row.createdAt.toISOString() };
  }

  async resetPassword(email: string, password: string): Promise<void> {
    if (password.length < 8) throw new AppError("validation_failed", "password must be at least 8 characters");
    const ok = await this.users.setPassword(email, await hashPassword(password));
    if (!ok) throw new AppError("not_found", `no user with e-mail ${email}`);
    this.userCache.clear();
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
