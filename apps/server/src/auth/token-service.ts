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

/** HS256 JWTs (jose). Verification pins the algorithm, issuer and audience, so `alg: none` and foreign tokens fail. */
export class TokenService {
  private readonly key: Uint8Array;
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
      return { userId: sub, email, role, sessionId: sid, use };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError("token has expired");
      throw new InvalidTokenError("token is invalid");
    }
  }
}
