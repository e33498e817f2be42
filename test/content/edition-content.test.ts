import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { layerPhaseMatrix } from '../../src/core/matrix.js';
import type { Edition } from '../../src/core/model/edition.schema.js';
import { reachability } from '../../src/core/reachability.js';
import { LAYERS, PHASES } from '../../src/core/taxonomy.js';

/**
 * The bundled edition as a whole: size, spread over the lifecycle, and every
 * requirement of the core standards answered by a mapping or a declared reason.
 */
function bundled(): Edition {
  const r = loadContent(defaultContentDir());
  if (!r.ok) throw new Error(`bundled content invalid: ${r.problems.find((p) => p.severity === 'error')?.message}`);
  return r.edition;
}

/** Cells where a phase does not apply to a layer: hardware work has no service-layer side. */
const NOT_APPLICABLE = new Set(['service|design.hardware', 'service|development.hardware']);

describe('the bundled 2026 edition', () => {
  const edition = bundled();

  it('has at least 150 requirements and 150 glossary terms', () => {
    expect(edition.requirements.length).toBeGreaterThanOrEqual(150);
    expect(edition.glossary.length).toBeGreaterThanOrEqual(150);
  });

  it('covers every phase, and every layer where that phase applies', () => {
    const empty = layerPhaseMatrix(edition.requirements)
      .filter((c) => c.count === 0 && !NOT_APPLICABLE.has(`${c.layer}|${c.phase}`))
      .map((c) => `${c.layer} × ${c.phase}`);
    expect(empty).toEqual([]);
    for (const phase of PHASES) expect(edition.requirements.filter((r) => r.phases.includes(phase)).length, phase).toBeGreaterThanOrEqual(5);
    for (const layer of LAYERS) expect(edition.requirements.filter((r) => r.layers.includes(layer)).length, layer).toBeGreaterThanOrEqual(20);
  });

  it.each(['iec-62443-4-1', 'iec-62443-4-2', 'etsi-en-303-645', 'jc-star-1', 'eu-cra-annex-i', 'nist-sp-800-171r3', 'nist-sp-800-171r2', 'en-18031'])(
    'answers every requirement of %s by a mapping or a declared out-of-scope reason',
    (standard) => {
      const r = reachability(edition, standard);
      expect(r.unreached, `${r.unreached.length} of ${r.total} unreached`).toEqual([]);
      expect(r.mapped.length).toBeGreaterThan(r.outOfScope.length);
    },
  );

  it.each(['nist-sp-800-171r2', 'en-18031'])('links no item equivalent-to or equal-to more than one requirement of %s', (standard) => {
    for (const r of edition.requirements) {
      const strong = r.mappings.filter((m) => m.standard === standard && (m.relationship === 'equivalent-to' || m.relationship === 'equal-to'));
      expect(strong.length, r.id).toBeLessThanOrEqual(1);
    }
  });

  it('keeps relationships honest: equal-to is rare, and every kind of partial link is used', () => {
    const all = edition.requirements.flatMap((r) => r.mappings);
    const count = (rel: string) => all.filter((m) => m.relationship === rel).length;
    expect(count('equal-to') / all.length).toBeLessThan(0.02);
    expect(count('subset-of')).toBeGreaterThan(0);
    expect(count('intersects-with')).toBeGreaterThan(0);
  });

  it('gives every requirement actionable criteria, attack patterns and assessor steps', () => {
    for (const r of edition.requirements) {
      expect(r.criteria.length, r.id).toBeGreaterThanOrEqual(2);
      expect(r.verification.steps.length, r.id).toBeGreaterThanOrEqual(2);
      expect(
        r.interpretation.every((a) => a.countermeasures.length > 0),
        r.id,
      ).toBe(true);
    }
  });

  it('links requirements to glossary terms, and most terms are used', () => {
    const used = new Set(edition.requirements.flatMap((r) => r.terms));
    expect(edition.requirements.filter((r) => r.terms.length > 0).length / edition.requirements.length).toBeGreaterThan(0.9);
    expect(used.size / edition.glossary.length).toBeGreaterThan(0.6);
  });
});
