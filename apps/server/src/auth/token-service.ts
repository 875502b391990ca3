import type { UserRole } from "@jobsync/contracts";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";

const ISSUER = "jobsync";
const AUDIENCE = "jobsync-api";
/** Stream tokens let an `EventSource` (which cannot send headers) open `/events`; nothing else accepts them. */
export const STREAM_TOKEN_SECS = 300;

export type TokenUse = "access" | "stream";

export interface TokenClaims {
  userId: string;
  email: string;
  role: UserRole;
  /** The session the token belongs to: it is refused once that session ends. */
  sessionId: string;
  use: TokenUse;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "InvalidTokenError";
  }
}

/** Tokens whose verification is remembered (a poller sends the same token every 2 s). */
const VERIFIED_CACHE_SIZE = 2_000;

/**
 * HS256 JWTs (jose). Verification pins the algorithm, issuer and audience, so `alg: none` and foreign tokens fail.
 * A token that verified is remembered until it expires, so the next request with it costs a map lookup rather than
 * an HMAC through WebCrypto (B5: GET of a sync job is polled by every open modal).
 */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();
  readonly accessTokenSecs: number;

  constructor(secret: string, accessTokenSecs: number) {
    this.key = new TextEncoder().encode(secret);
    this.accessTokenSecs = accessTokenSecs;
  }

  sign(claims: Omit<TokenClaims, "use">, use: TokenUse = "access"): Promise<string> {
    const secs = use === "access" ? this.accessTokenSecs : STREAM_TOKEN_SECS;
    return new SignJWT({ email: claims.email, role: claims.role, sid: claims.sessionId, use })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${secs}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.claims;
    if (known) this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      const { sub, email, role, sid, use } = payload;
      if (
        typeof sub !== "string" ||
        typeof sid !== "string" ||
        typeof email !== "string" ||
        (role !== "admin" && role !== "viewer") ||
        (use !== "access" && use !== "stream")
      ) {
        throw new InvalidTokenError("token is missing claims");
      }
      const claims: TokenClaims = { userId: sub, email, role, sessionId: sid, use };
      if (typeof payload.exp === "number") this.remember(token, claims, payload.exp * 1000);
      return claims;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError("token has expired");
      throw new InvalidTokenError("token is invalid");
    }
  }

  private remember(token: string, claims: TokenClaims, expiresAtMs: number): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expiresAtMs });
  }
}
