import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../core/errors.js';
import {
  blockAfterFailure,
  type FailureCount,
  isBlocked,
  liveFailures,
  loginDelayMs,
  type ThrottlePolicy,
  throttlePolicy,
  windowStart,
} from '../core/login-throttle.js';
import type { Db } from '../store/database.js';
import {
  addLoginFailure,
  blockLoginScope,
  clearLoginFailures,
  countPairsOfAccount,
  type FailureKey,
  type LoginFailureRow,
  markLoginAlerted,
  readLoginFailures,
} from '../store/login-failures.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { alertLoginGuessing } from './security-alerts.js';

/** The three counts one login attempt touches. */
function keysOf(ip: string, email: string): Record<FailureKey['scope'], FailureKey> {
  return { pair: { scope: 'pair', key: `${ip} ${email}` }, client: { scope: 'client', key: ip }, account: { scope: 'account', key: email } };
}

const countOf = (row: LoginFailureRow | undefined): FailureCount | undefined =>
  row ? { failures: Number(row.failures), lastAt: row.last_at, blockedUntil: row.blocked_until } : undefined;

/**
 * Before a password is checked: refuses a blocked pair or client (audited),
 * then waits the delay the counts call for. The account's own count never
 * refuses, it only slows down.
 */
export async function throttleLogin(ctx: ServiceContext, ip: string, email: string): Promise<void> {
  const policy = throttlePolicy(ctx.config);
  const keys = keysOf(ip, email);
  const rows = await readLoginFailures(ctx.store.db, Object.values(keys));
  const find = (k: FailureKey) => countOf(rows.find((r) => r.scope === k.scope && r.key === k.key));
  const now = ctx.now();
  const blocked = (['pair', 'client'] as const).find((scope) => isBlocked(find(keys[scope]), now));
  if (blocked) {
    const detail = { email, ip, blocked };
    await mutate(ctx, { kind: 'anonymous' }, { action: 'auth.login-refused-blocked', targetType: 'account', targetId: null, detail }, async () => undefined);
    throw new AppError('login-blocked', 'too many failed logins from this client; try again later');
  }
  const delay = loginDelayMs(liveFailures(find(keys.pair), now, policy), liveFailures(find(keys.account), now, policy), policy);
  if (delay > 0) await sleep(delay);
}

/** Counts a failed login three ways in one transaction with its audit entry; alerts once on distributed guessing. */
export async function recordLoginFailure(ctx: ServiceContext, ip: string, email: string): Promise<void> {
  const policy = throttlePolicy(ctx.config);
  const keys = keysOf(ip, email);
  const now = ctx.now();
  await mutate<string[]>(
    ctx,
    { kind: 'anonymous' },
    (blocked) => ({ action: 'auth.login-failed', targetType: 'account', targetId: null, detail: { email, ip, blocked } }),
    (trx) => countFailure(trx, keys, now, policy),
  );
  const [account] = await readLoginFailures(ctx.store.db, [keys.account]);
  if (!account || Number(account.failures) < policy.accountAlertFailures || account.alerted_at) return;
  if (!(await markLoginAlerted(ctx.store.db, keys.account, now.toISOString()))) return;
  const clients = await countPairsOfAccount(ctx.store.db, email, account.first_at);
  await alertLoginGuessing(ctx, { email, failures: Number(account.failures), clients, since: account.first_at });
}

async function countFailure(trx: Db, keys: ReturnType<typeof keysOf>, now: Date, policy: ThrottlePolicy): Promise<string[]> {
  const at = now.toISOString();
  const blocked: string[] = [];
  for (const k of Object.values(keys)) {
    const row = await addLoginFailure(trx, k, at, windowStart(now, policy));
    const until = blockAfterFailure(k.scope, Number(row.failures), now, policy);
    if (until) {
      await blockLoginScope(trx, k, until);
      blocked.push(k.scope);
    }
  }
  return blocked;
}

/** A successful login forgets this client's failures on this account (not the client's or the account's). */
export function clearPairFailures(trx: Db, ip: string, email: string): Promise<void> {
  return clearLoginFailures(trx, keysOf(ip, email).pair);
}
