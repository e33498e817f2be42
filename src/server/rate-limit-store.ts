import type { Db } from '../store/database.js';
import { hitRateLimit, pruneRateLimits } from '../store/rate-limits.repository.js';

/** Every this many hits a process drops counters older than a day. */
const PRUNE_EVERY = 1000;
const DAY_MS = 86_400_000;

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin passes to `child`: the route's rate-limit options, with the route itself in `routeInfo`. */
type RouteParams = object & { routeInfo?: { method?: unknown; url?: unknown } };

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so
 * that several server processes on one PostgreSQL share one login and setup
 * limit per client address (each process's memory would let a client try
 * N times per process). Fixed windows; one atomic upsert per request.
 */
export function databaseRateLimitStore(db: Db, now: () => number = Date.now) {
  let sincePrune = 0;
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(params: RouteParams = {}) {
      const info = params.routeInfo;
      this.prefix = typeof info?.url === 'string' ? `${[info.method ?? ''].flat().join(',')} ${info.url}` : 'global';
    }

    incr(key: string, callback: Callback, timeWindow: number, _max: number): void {
      const at = now();
      sincePrune += 1;
      if (sincePrune >= PRUNE_EVERY) {
        sincePrune = 0;
        pruneRateLimits(db, at - DAY_MS).catch(() => undefined);
      }
      hitRateLimit(db, `${this.prefix}|${key}`, at, timeWindow).then(
        ({ hits, windowStartMs }) => callback(null, { current: hits, ttl: Math.max(0, windowStartMs + timeWindow - at) }),
        (err: Error) => callback(err),
      );
    }

    child(params: RouteParams): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(params);
    }
  };
}
