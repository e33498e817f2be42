/**
 * The server's own limit on where probes may go, beside each scope: with
 * TEBIKI_PROBE_NETWORKS set, a scope may only name targets inside those networks
 * (the lab's), so an uploaded scope cannot turn the server against its own
 * database, its neighbours or a cloud metadata address. Host names are resolved
 * once, by the scope guard, through a resolver that refuses any address outside.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { validationErrors } from '../core/errors.js';
import type { ProbeRunner, ProbeRunRequest } from '../services/ports/probe-runner.js';
import { loadScope } from './load-scope.js';
import { NetworkProbeRunner, type NetworkProbeRunnerOptions } from './network-probe-runner.js';

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** A BlockList of the allowed networks (addresses or CIDRs). */
function allowList(networks: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const n of networks) {
    const [address = '', prefix] = n.split('/');
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return (address) => isIP(address) !== 0 && list.check(address, family(address));
}

const outside = (what: string) =>
  validationErrors(
    [{ path: 'targets', message: `${what} is outside the networks this server may probe`, code: 'invalid' }],
    `${what}: outside the networks this server may probe (TEBIKI_PROBE_NETWORKS)`,
  );

/** The network engine, limited to `networks` when given (all addresses otherwise). */
export function networkLimitedRunner(networks: readonly string[] | undefined, options: NetworkProbeRunnerOptions = {}): ProbeRunner {
  if (!networks || networks.length === 0) return new NetworkProbeRunner(options);
  const allowed = allowList(networks);
  const base = options.resolver ?? (async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address));
  const inner = new NetworkProbeRunner({
    ...options,
    resolver: async (host) => {
      const addresses = await base(host);
      const bad = addresses.filter((a) => !allowed(a));
      if (bad.length > 0) throw outside(`${host} (${bad.join(', ')})`);
      return addresses;
    },
  });
  return {
    run: async (request: ProbeRunRequest) => {
      const { scope } = loadScope(request.scopeText, request.scopeFileName);
      for (const target of scope.targets) if (isIP(target.host) && !allowed(target.host)) throw outside(target.host);
      return inner.run(request);
    },
  };
}
