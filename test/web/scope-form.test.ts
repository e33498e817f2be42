import { describe, expect, it } from 'vitest';
import { loadScope } from '../../src/probes/load-scope.js';
import { scopeYaml } from '../../web/src/probe-runs/scope-form.js';

const fields = {
  name: 'camera X100 lab test',
  authorisedBy: '山田 太郎 (Example Corp)',
  from: '2026-12-01T00:00:00Z',
  to: '2027-01-31T00:00:00Z',
  targets: '127.0.0.1 18080 http\n127.0.0.1 8883 mqtts\n\n127.0.0.2 22 ssh',
  protectedPaths: '/admin /settings',
};

describe('the runs page form writes a scope the engine accepts', () => {
  it('targets grouped by host, services in order, protected paths on each host', () => {
    const { scope } = loadScope(scopeYaml(fields), 'form.yaml');
    expect(scope).toMatchObject({ name: fields.name, authorisedBy: fields.authorisedBy });
    expect(scope.targets.map((t) => [t.host, t.services.map((s) => `${s.port}/${s.kind}`)])).toEqual([
      ['127.0.0.1', ['18080/http', '8883/mqtts']],
      ['127.0.0.2', ['22/ssh']],
    ]);
    expect(scope.targets[0]?.web?.protectedPaths).toEqual(['/admin', '/settings']);
  });

  it('text typed into the form stays text: quotes, colons, newlines and YAML syntax do not become structure', () => {
    const hostile = { ...fields, name: 'x: y\n- z', authorisedBy: '"}], evil: [1' };
    const { scope } = loadScope(scopeYaml(hostile), 'form.yaml');
    expect(scope.name).toBe('x: y\n- z');
    expect(scope.authorisedBy).toBe('"}], evil: [1');
  });

  it('a bad port or a missing window is refused by the engine, naming the place', () => {
    expect(() => loadScope(scopeYaml({ ...fields, targets: '127.0.0.1 http-port http' }), 'form.yaml')).toThrow(/port/);
    expect(() => loadScope(scopeYaml({ ...fields, from: '' }), 'form.yaml')).toThrow(/window/);
  });
});
