import type { RateLimitRepository } from "../rate-limit/rate-limit.repository";

/**
 * Failed logins per (IP, e-mail) in a window of `windowMillis` from the first failure. After `maxAttempts` failures
 * the pair is refused until the window ends; a success clears it. The counters live in the database (the rows the
 * @fastify/rate-limit store of the public API uses), so the limit holds across every API process.
 */
export class LoginRateLimiter {
  constructor(
    private readonly maxAttempts: number,
    private readonly windowMillis: number,
    private readonly counters: RateLimitRepository,
  ) {}

  private key(ip: string, email: string) {
    return `login|${ip}|${email.toLowerCase()}`;
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  async retryAfterSecs(ip: string, email: string): Promise<number> {
    const state = await this.counters.read(this.key(ip, email));
    if (state.hits < this.maxAttempts) return 0;
    return Math.max(1, Math.ceil(state.ttlMillis / 1000));
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await this.counters.hit(this.key(ip, email), this.windowMillis);
  }

  async recordSuccess(ip: string, email: string): Promise<void> {
    await this.counters.reset(this.key(ip, email));
  }
}
