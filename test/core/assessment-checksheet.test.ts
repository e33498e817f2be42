import { describe, expect, it } from 'vitest';
import { checksheetSpecProblems, generateChecksheet, itemHash } from '../../src/core/assessment/checksheet.js';
import type { ChecksheetSpec } from '../../src/core/assessment/checksheet.types.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { AppError } from '../../src/core/errors.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';

const all: ChecksheetSpec = { layers: [], phases: [], profile: null, target: null };

/**
 * Items (layer / phase / applicability / links):
 *   A-2  device / operation          / —                   / iec CR-1 (SL1+) equal-to
 *   A-10 network / planning          / has-web-ui          / iec CR-2 (SL3+) superset-of
 *   A-3  device, network / planning  / has-web-ui, has-app / etsi 5.1-1 (M) subset-of
 *   B-1  service / operation         / —                   / etsi 5.1-2 (R) intersects-with
 */
const mini = edition({
  taxonomy: {
    ...edition().taxonomy,
    applicability: [
      { id: 'has-web-ui', label: { ja: 'Web UIあり', en: 'web UI' } },
      { id: 'has-app', label: { ja: 'アプリあり', en: 'app' } },
    ],
  },
  requirements: [
    item('a-2', 'A-2', { layers: ['device'], phases: ['operation'], maps: [['iec', 'CR-1', 'equal-to']] }),
    item('a-10', 'A-10', { layers: ['network'], phases: ['planning'], applicability: ['has-web-ui'], maps: [['iec', 'CR-2', 'superset-of']] }),
    item('a-3', 'A-3', {
      layers: ['network', 'device'],
      phases: ['planning'],
      applicability: ['has-web-ui', 'has-app'],
      maps: [['etsi', '5.1-1', 'subset-of']],
    }),
    item('b-1', 'B-1', { layers: ['service'], phases: ['operation'], maps: [['etsi', '5.1-2', 'intersects-with']] }),
  ],
  standards: [
    standard('iec', [node('CR-1', 'requirement', { levels: ['1', '2', '3', '4'] }), node('CR-2', 'requirement', { levels: ['3', '4'] })]),
    standard('etsi', [node('5.1-1', 'provision', { status: 'mandatory' }), node('5.1-2', 'provision', { status: 'recommended' })]),
  ],
});

const nos = (spec: Partial<ChecksheetSpec>) => generateChecksheet(mini, { ...all, ...spec }).items.map((i) => i.no);

describe('checksheet generation', () => {
  it('orders by phase, then layer, then number (A-3 before A-10 numerically)', () => {
    // planning: A-3 (network is its first layer in LAYERS order), A-10 (network); operation: B-1 (service), A-2 (device)
    expect(nos({})).toEqual(['A-3', 'A-10', 'B-1', 'A-2']);
  });

  it('filters by layers and phases (an item in any chosen layer and any chosen phase)', () => {
    expect(nos({ layers: ['device'] })).toEqual(['A-3', 'A-2']);
    expect(nos({ phases: ['operation'] })).toEqual(['B-1', 'A-2']);
    expect(nos({ layers: ['device'], phases: ['planning'] })).toEqual(['A-3']);
  });

  it('orders by the first layer inside the filter', () => {
    // Within device only, A-3 and A-2 sort by phase: planning before operation.
    const sheet = generateChecksheet(mini, { ...all, layers: ['device', 'service'] });
    expect(sheet.items.map((i) => i.no)).toEqual(['A-3', 'B-1', 'A-2']);
  });

  it('keeps 項番 stable: the same item has the same number whatever the filter', () => {
    const full = generateChecksheet(mini, all).items.find((i) => i.requirementId === 'a-2');
    const filtered = generateChecksheet(mini, { ...all, layers: ['device'] }).items.find((i) => i.requirementId === 'a-2');
    expect(full?.no).toBe('A-2');
    expect(filtered?.no).toBe('A-2');
  });

  it('applies a profile: an item stays when any of its conditions holds; the others are listed with a reason', () => {
    const sheet = generateChecksheet(mini, { ...all, profile: ['has-app'] });
    expect(sheet.items.map((i) => i.no)).toEqual(['A-3', 'B-1', 'A-2']);
    expect(sheet.excluded).toEqual([{ requirementId: 'a-10', no: 'A-10', reason: expect.objectContaining({ en: expect.stringContaining('web UI') }) }]);
    expect(generateChecksheet(mini, { ...all, profile: [] }).items.map((i) => i.no)).toEqual(['B-1', 'A-2']);
  });

  it('targets a standard at a security level: only items reaching a requirement that applies at that level', () => {
    expect(nos({ target: { standard: 'iec' } })).toEqual(['A-10', 'A-2']);
    expect(nos({ target: { standard: 'iec', securityLevel: 2 } })).toEqual(['A-2']);
    const sheet = generateChecksheet(mini, { ...all, target: { standard: 'iec', securityLevel: 3 } });
    expect(sheet.items.find((i) => i.no === 'A-10')?.targetLinks).toEqual([{ requirement: 'CR-2', relationship: 'superset-of' }]);
  });

  it('targets mandatory provisions only', () => {
    expect(nos({ target: { standard: 'etsi' } })).toEqual(['A-3', 'B-1']);
    expect(nos({ target: { standard: 'etsi', mandatoryOnly: true } })).toEqual(['A-3']);
  });

  it('names every bad part of a spec', () => {
    expect(checksheetSpecProblems(mini, { ...all, profile: ['has-app', 'nope'], target: { standard: 'etsi', securityLevel: 2 } })).toEqual([
      { path: 'profile[1]', message: 'unknown applicability condition "nope"', code: 'unknown' },
      { path: 'sl', message: 'standard "etsi" has no security levels', code: 'invalid' },
    ]);
    expect(checksheetSpecProblems(mini, { ...all, target: { standard: 'nope' } })).toEqual([
      { path: 'standard', message: expect.stringContaining('"nope" is not in edition'), code: 'unknown' },
    ]);
    expect(() => generateChecksheet(mini, { ...all, target: { standard: 'nope' } })).toThrow(AppError);
    expect(checksheetSpecProblems(mini, { ...all, target: { standard: 'iec', securityLevel: 5 } })).toEqual([
      { path: 'sl', message: 'must be a whole number from 1 to 4', code: 'bad-format' },
    ]);
  });

  it('fingerprints what is checked: criteria change the hash, mappings do not', () => {
    const base = mini.requirements[0];
    if (!base) throw new Error('fixture');
    expect(itemHash({ ...base, mappings: [] })).toBe(itemHash(base));
    expect(itemHash({ ...base, criteria: [{ ja: '別', en: 'other' }] })).not.toBe(itemHash(base));
  });

  it('carries the edition and its layer and phase labels', () => {
    const sheet = generateChecksheet(mini, all);
    expect(sheet.edition.id).toBe('2099.1');
    expect(sheet.labels.layers.map((l) => l.id)).toEqual(['service', 'platform', 'network', 'device']);
    expect(sheet.labels.phases).toHaveLength(10);
  });
});

describe('checksheets of the bundled edition', () => {
  const loaded = loadContent(defaultContentDir());
  if (!loaded.ok) throw new Error('bundled content must load');
  const bundled = loaded.edition;
  const reaching = (standardId: string) =>
    // Supportive links never count toward a standard: an item reaching it only through them is not on its checksheet.
    bundled.requirements.filter((r) =>
      r.mappings.some((m) => m.standard === standardId && m.relationship !== 'no-relationship' && m.relationship !== 'supports'),
    ).length;

  it('JC-STAR ★1: every item mapped to jc-star-1 (its requirements have no level or status filter)', () => {
    const sheet = generateChecksheet(bundled, { ...all, target: { standard: 'jc-star-1' } });
    expect(sheet.items.length).toBe(reaching('jc-star-1'));
    expect(sheet.items.every((i) => i.targetLinks.length > 0)).toBe(true);
  });

  it('IEC 62443-4-2 at SL 2 holds fewer items than at SL 4, and ETSI mandatory fewer than all of ETSI', () => {
    const count = (target: ChecksheetSpec['target']) => generateChecksheet(bundled, { ...all, target }).items.length;
    expect(count({ standard: 'iec-62443-4-2', securityLevel: 2 })).toBeLessThan(count({ standard: 'iec-62443-4-2', securityLevel: 4 }));
    expect(count({ standard: 'etsi-en-303-645', mandatoryOnly: true })).toBeLessThan(count({ standard: 'etsi-en-303-645' }));
    expect(count({ standard: 'etsi-en-303-645' })).toBe(reaching('etsi-en-303-645'));
  });

  it('numbers are unique and every item appears once', () => {
    const sheet = generateChecksheet(bundled, all);
    expect(sheet.items).toHaveLength(bundled.requirements.length);
    expect(new Set(sheet.items.map((i) => i.no)).size).toBe(sheet.items.length);
  });
});
