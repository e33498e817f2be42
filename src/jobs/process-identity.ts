import { readFileSync, readlinkSync } from 'node:fs';

/**
 * Who a queue instance's process is, precisely enough to tell later that it is
 * gone: the machine's boot, the PID namespace (container), the PID and the
 * process's start time (so a reused PID is not mistaken for the old process).
 * Linux only (from /proc); elsewhere null, and only a worker's heartbeat tells.
 */
export interface ProcessIdentity {
  bootId: string;
  pidNamespace: string;
  pid: number;
  startTicks: string;
}

const PREFIX = 'linux';

/** The start time of a process in clock ticks after boot (field 22 of /proc/PID/stat); null when there is no such process. */
function startTicksOf(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return rest[19] ?? null;
}

/** A process of this machine and PID namespace as it runs now; null when it does not run (or not on Linux). */
export function processIdentityOf(pid: number): ProcessIdentity | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const pidNamespace = readlinkSync(`/proc/${pid}/ns/pid`);
    const startTicks = startTicksOf(pid);
    if (!bootId || !startTicks) return null;
    return { bootId, pidNamespace, pid, startTicks };
  } catch {
    return null;
  }
}

let own: ProcessIdentity | null | undefined;

/** This process, as stored beside its queue instances' heartbeats. */
export function currentProcess(): ProcessIdentity | null {
  own ??= processIdentityOf(process.pid);
  return own;
}

export function formatProcess(p: ProcessIdentity | null): string | null {
  return p ? [PREFIX, p.bootId, p.pidNamespace, p.pid, p.startTicks].join(' ') : null;
}

export function parseProcess(text: string | null): ProcessIdentity | null {
  const [prefix, bootId, pidNamespace, pid, startTicks] = text?.split(' ') ?? [];
  if (prefix !== PREFIX || !bootId || !pidNamespace || !pid || !startTicks || !/^\d+$/.test(pid)) return null;
  return { bootId, pidNamespace, pid: Number(pid), startTicks };
}

/**
 * True only when the recorded process certainly no longer runs: it ran on this
 * machine since its last boot, in our PID namespace, and its PID is now free or
 * held by a process started at another time. A process elsewhere (another
 * machine or container) is never judged here: false.
 */
export function processIsGone(recorded: string | null, here: ProcessIdentity | null = currentProcess()): boolean {
  const p = parseProcess(recorded);
  if (!p || !here || p.bootId !== here.bootId || p.pidNamespace !== here.pidNamespace) return false;
  return startTicksOf(p.pid) !== p.startTicks;
}
