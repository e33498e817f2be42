/** Builds a scope file (YAML) from the start form's fields; the server and the engine check it. */
export interface ScopeFields {
  name: string;
  authorisedBy: string;
  from: string;
  to: string;
  targets: string;
  protectedPaths: string;
}

const quote = (text: string) => JSON.stringify(text.trim());

export function scopeYaml(f: ScopeFields): string {
  const hosts = new Map<string, { port: number; kind: string }[]>();
  for (const line of f.targets.split('\n')) {
    const [host, port, kind] = line.trim().split(/\s+/);
    if (!host || !port) continue;
    hosts.set(host, [...(hosts.get(host) ?? []), { port: Number(port), kind: kind ?? 'auto' }]);
  }
  const protectedPaths = f.protectedPaths.split(/\s+/).filter(Boolean);
  const lines = [`name: ${quote(f.name)}`, `authorisedBy: ${quote(f.authorisedBy)}`, `window: { from: ${quote(f.from)}, to: ${quote(f.to)} }`, 'targets:'];
  for (const [host, services] of hosts) {
    lines.push(`  - host: ${quote(host)}`, '    services:');
    for (const s of services) lines.push(`      - { port: ${Number.isFinite(s.port) ? s.port : 0}, kind: ${quote(s.kind)} }`);
    if (protectedPaths.length) lines.push('    web:', `      protectedPaths: [${protectedPaths.map(quote).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
