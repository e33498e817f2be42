/**
 * The scope guard: the only way a probe reaches the network. Host names are
 * resolved once, before the run, and every address is checked; connections go to
 * those pinned addresses only (no second lookup that DNS rebinding could answer);
 * every URL (a redirect, a link, a form action) is checked before it is used; a run
 * outside its window is refused.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { validationError } from '../core/errors.js';
import type { Scope, ScopeService, ScopeTarget } from './scope.schema.js';

export interface ResolvedTarget {
  target: ScopeTarget;
  /** The one address this run talks to for the host (the first the lookup gave). */
  address: string;
  /** Every address the host resolved to, all checked. */
  addresses: string[];
}

/** A request that the scope does not allow; probes report it as evidence, never send it. */
export class ScopeViolation extends Error {
  readonly code = 'out-of-scope';
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Addresses no probe may ever send to, whatever a scope says. */
const NEVER = new BlockList();
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('224.0.0.0', 4, 'ipv4');
NEVER.addSubnet('240.0.0.0', 4, 'ipv4');
NEVER.addAddress('::', 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');

export class ScopeGuard {
  private constructor(
    readonly scope: Scope,
    readonly targets: ResolvedTarget[],
    private readonly unresolved: { host: string; reason: string }[],
  ) {}

  /** Checks the window and resolves every host once; throws `validation-failed` when nothing may run. */
  static async open(scope: Scope, now: Date = new Date(), resolver: Resolver = systemResolver): Promise<ScopeGuard> {
    assertInWindow(scope, now);
    const allowed = allowedNetworks(scope.allowedNetworks);
    const targets: ResolvedTarget[] = [];
    const unresolved: { host: string; reason: string }[] = [];
    for (const target of scope.targets) {
      try {
        const addresses = isIP(target.host) ? [target.host] : await resolver(target.host);
        if (addresses.length === 0) throw new Error('no address');
        const bad = addresses.find((a) => NEVER.check(a, family(a)) || (allowed && !allowed.check(a, family(a))));
        if (bad) throw new Error(`${target.host} resolves to ${bad}, which the scope does not allow`);
        targets.push({ target, address: addresses[0] as string, addresses });
      } catch (err) {
        unresolved.push({ host: target.host, reason: (err as Error).message });
      }
    }
    if (targets.length === 0) {
      const why = unresolved.map((u) => `${u.host}: ${u.reason}`).join('; ');
      throw validationError('targets', `nothing in scope can be reached: ${why}`, 'invalid');
    }
    return new ScopeGuard(scope, targets, unresolved);
  }

  /** Hosts that could not be resolved or resolved outside the allowed networks. */
  skipped(): readonly { host: string; reason: string }[] {
    return this.unresolved;
  }

  /** Throws unless address:port is a declared service of a resolved target, and the window is still open. */
  assertConnect(address: string, port: number): void {
    assertInWindow(this.scope, new Date());
    const ok = this.targets.some((t) => t.address === address && t.target.services.some((s) => s.port === port));
    if (!ok) throw new ScopeViolation(`${address}:${port} is not a declared service in the scope`);
  }

  /**
   * Where a URL would lead, if the scope allows it: the same host (by name or a resolved
   * address) and a declared port of that host. Throws ScopeViolation otherwise.
   */
  checkUrl(url: URL): { resolved: ResolvedTarget; service: ScopeService } {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : 0));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ScopeViolation(`${url.protocol} URLs are never followed`);
    const resolved = this.targets.find((t) => t.target.host.toLowerCase() === host.toLowerCase() || t.addresses.includes(host));
    if (!resolved) throw new ScopeViolation(`${host} is not a host in the scope`);
    const service = resolved.target.services.find((s) => s.port === port);
    if (!service) throw new ScopeViolation(`${host}:${port} is not a declared service in the scope`);
    return { resolved, service };
  }
}

function assertInWindow(scope: Scope, now: Date): void {
  const from = Date.parse(scope.window.from);
  const to = Date.parse(scope.window.to);
  if (now.getTime() < from || now.getTime() > to) {
    throw validationError('window', `outside the scope's window (${scope.window.from} – ${scope.window.to}); now is ${now.toISOString()}`, 'invalid');
  }
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

function allowedNetworks(networks: readonly string[] | undefined): BlockList | undefined {
  if (!networks) return undefined;
  const list = new BlockList();
  for (const net of networks) {
    const [base = '', bits = '0'] = net.split('/');
    list.addSubnet(base, Number(bits), family(base));
  }
  return list;
}
