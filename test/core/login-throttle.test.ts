import { describe, expect, it } from 'vitest';
import { blockAfterFailure, isBlocked, liveFailures, loginDelayMs, throttlePolicy } from '../../src/core/login-throttle.js';

const policy = throttlePolicy({ loginMaxAttempts: 5, lockoutMinutes: 15, loginDelayMs: 250 });
const now = new Date('2026-11-25T09:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

describe('login throttle policy', () => {
  it('blocks the pair at the fifth failure, the client at the twentieth, the account never', () => {
    expect(blockAfterFailure('pair', 4, now, policy)).toBeNull();
    expect(blockAfterFailure('pair', 5, now, policy)).toBe('2026-11-25T09:15:00.000Z');
    expect(blockAfterFailure('client', 19, now, policy)).toBeNull();
    expect(blockAfterFailure('client', 20, now, policy)).not.toBeNull();
    expect(blockAfterFailure('account', 10_000, now, policy)).toBeNull();
  });

  it('slows the failing pair down progressively before the block', () => {
    expect([0, 1, 2, 3, 4].map((f) => loginDelayMs(f, 0, policy))).toEqual([0, 0, 250, 500, 1000]);
  });

  it('slows an account under distributed guessing, bounded so the right password still gets through', () => {
    expect(loginDelayMs(0, 9, policy)).toBe(0);
    expect(loginDelayMs(0, 10, policy)).toBe(250);
    expect(loginDelayMs(0, 15, policy)).toBe(500);
    expect(loginDelayMs(0, 1_000_000, policy)).toBe(4000);
    expect(loginDelayMs(30, 0, policy)).toBe(4000);
  });

  it('forgets failures a window after the last one, and a block when it ends', () => {
    expect(liveFailures({ failures: 4, lastAt: minutesAgo(14), blockedUntil: null }, now, policy)).toBe(4);
    expect(liveFailures({ failures: 4, lastAt: minutesAgo(16), blockedUntil: null }, now, policy)).toBe(0);
    expect(isBlocked({ failures: 5, lastAt: minutesAgo(1), blockedUntil: minutesAgo(-14) }, now)).toBe(true);
    expect(isBlocked({ failures: 5, lastAt: minutesAgo(16), blockedUntil: minutesAgo(1) }, now)).toBe(false);
  });
});
