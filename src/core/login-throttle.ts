/**
 * Login throttling that cannot be turned against an account's owner (OWASP
 * Authentication Cheat Sheet, "Protect against automated attacks"; ASVS V2.2.1).
 *
 * Failures are counted three ways, each forgotten a window after its last failure:
 * - the client-and-account pair: slowed down, then blocked. Only the client
 *   that keeps failing is refused, never the owner logging in from elsewhere.
 * - the client across accounts: blocked after more failures (password spraying).
 * - the account across clients: never blocked. Distributed guessing is
 *   reported (audit entry, administrators alerted) and slowed down by a
 *   bounded delay, so the right password still logs in.
 * Pure: the service reads and writes the counts.
 */

export type ThrottleScope = 'pair' | 'client' | 'account';

export interface ThrottlePolicy {
  /** Failures of one client on one account before that pair is blocked. */
  pairMaxFailures: number;
  /** Failures of one client across accounts before the client is blocked. */
  clientMaxFailures: number;
  /** Failures on one account from anywhere before administrators are alerted. */
  accountAlertFailures: number;
  blockMinutes: number;
  /** A count is forgotten this long after its last failure. */
  windowMinutes: number;
  delayBaseMs: number;
  delayMaxMs: number;
}

export function throttlePolicy(config: { loginMaxAttempts: number; lockoutMinutes: number; loginDelayMs: number }): ThrottlePolicy {
  return {
    pairMaxFailures: config.loginMaxAttempts,
    clientMaxFailures: config.loginMaxAttempts * 4,
    accountAlertFailures: config.loginMaxAttempts * 4,
    blockMinutes: config.lockoutMinutes,
    windowMinutes: config.lockoutMinutes,
    delayBaseMs: config.loginDelayMs,
    delayMaxMs: config.loginDelayMs * 16,
  };
}

export interface FailureCount {
  failures: number;
  lastAt: string;
  blockedUntil: string | null;
}

/** The failures that still count at `now` (0 once the window has passed). */
export function liveFailures(count: FailureCount | undefined, now: Date, policy: ThrottlePolicy): number {
  if (!count) return 0;
  return new Date(count.lastAt).getTime() + policy.windowMinutes * 60_000 > now.getTime() ? count.failures : 0;
}

export function isBlocked(count: FailureCount | undefined, now: Date): boolean {
  return !!count?.blockedUntil && count.blockedUntil > now.toISOString();
}

/** The oldest last-failure time that still counts: older counts start again from one. */
export function windowStart(now: Date, policy: ThrottlePolicy): string {
  return new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
}

/** When a count that has just reached `failures` blocks its scope, or null. Accounts are never blocked. */
export function blockAfterFailure(scope: ThrottleScope, failures: number, now: Date, policy: ThrottlePolicy): string | null {
  const max = scope === 'pair' ? policy.pairMaxFailures : scope === 'client' ? policy.clientMaxFailures : Number.POSITIVE_INFINITY;
  return failures >= max ? new Date(now.getTime() + policy.blockMinutes * 60_000).toISOString() : null;
}

/**
 * How long to wait before checking a password. The pair's own failures double
 * the wait from the second on; an account under distributed guessing (half
 * the alert threshold and more) waits too, doubling every pairMaxFailures
 * further failures. Never more than delayMaxMs: slowed, never locked out.
 */
export function loginDelayMs(pairFailures: number, accountFailures: number, policy: ThrottlePolicy): number {
  const pair = pairFailures >= 2 ? policy.delayBaseMs * 2 ** (pairFailures - 2) : 0;
  const from = Math.ceil(policy.accountAlertFailures / 2);
  const account = accountFailures >= from ? policy.delayBaseMs * 2 ** Math.floor((accountFailures - from) / policy.pairMaxFailures) : 0;
  return Math.min(Math.max(pair, account), policy.delayMaxMs);
}
