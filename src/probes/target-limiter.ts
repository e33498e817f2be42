/**
 * Per-target limits from the scope: at most `connectionsPerTarget` connections open
 * at once, and at most `requestsPerSecond` connection attempts or HTTP requests
 * started per second (each TLS, SSH or MQTT connection attempt counts as one).
 */
import type { ScopeLimits } from './scope.schema.js';

interface TargetState {
  active: number;
  waiting: (() => void)[];
  nextStart: number;
  started: number;
  schedule: number[];
}

export class TargetLimiter {
  private readonly states = new Map<string, TargetState>();

  constructor(private readonly limits: ScopeLimits) {}

  /** Runs `work` holding one connection slot of `target`, after the rate allows a start. */
  async run<T>(target: string, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const state = this.state(target);
    await this.acquire(state, signal);
    try {
      await this.pace(state, signal);
      state.started++;
      return await work();
    } finally {
      state.active--;
      state.waiting.shift()?.();
    }
  }

  /** How many connections or requests were started on a target (shown in the run's evidence). */
  started(target: string): number {
    return this.states.get(target)?.started ?? 0;
  }

  /** The times (ms since the epoch) the pacing gave each start of a target, in order. */
  startSchedule(target: string): readonly number[] {
    return this.states.get(target)?.schedule ?? [];
  }

  private state(target: string): TargetState {
    let state = this.states.get(target);
    if (!state) {
      state = { active: 0, waiting: [], nextStart: 0, started: 0, schedule: [] };
      this.states.set(target, state);
    }
    return state;
  }

  private async acquire(state: TargetState, signal: AbortSignal): Promise<void> {
    while (state.active >= this.limits.connectionsPerTarget) {
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        state.waiting.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
    signal.throwIfAborted();
    state.active++;
  }

  private async pace(state: TargetState, signal: AbortSignal): Promise<void> {
    const interval = 1000 / this.limits.requestsPerSecond;
    const now = Date.now();
    const at = Math.max(now, state.nextStart);
    state.nextStart = at + interval;
    state.schedule.push(at);
    if (at > now) await sleep(at - now, signal);
    signal.throwIfAborted();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', abort, { once: true });
  });
}
