/**
 * Failed logins per (IP, e-mail) in a sliding window. After `maxAttempts` failures the pair is refused until the
 * oldest failure leaves the window; a success clears it. In-process: each API process counts its own attempts.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMillis: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(ip: string, email: string) {
    return `${ip}\u0000${email.toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMillis;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfterSecs(ip: string, email: string): number {
    const list = this.recent(this.key(ip, email));
    if (list.length < this.maxAttempts) return 0;
    const oldest = list[list.length - this.maxAttempts] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMillis - this.now()) / 1000));
  }

  recordFailure(ip: string, email: string): void {
    const key = this.key(ip, email);
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  recordSuccess(ip: string, email: string): void {
    this.failures.delete(this.key(ip, email));
  }
}
