import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@oversight/platform';

export const LOGIN_RATE_LIMITER = Symbol('LOGIN_RATE_LIMITER');

/** A fixed one-minute window per client key (the caller's address): cheap, and enough for a county's traffic. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `key`; throws 429 when the window's allowance is spent. */
  take(key: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 50_000) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.perMinute) {
      const retryAfter = Math.ceil((window.start + 60_000 - now) / 1000);
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', {
        zh: `请求过于频繁，请 ${retryAfter} 秒后再试。`,
        en: `Too many requests; please retry in ${retryAfter} s.`,
      });
    }
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(key);
  }
}
