import type { Edition, Mapping, Requirement, Standard, StandardNode } from '../../src/core/model/edition.schema.js';
import { LAYERS, PHASES, STAGE_OF_PHASE, STAGES } from '../../src/core/taxonomy.js';

/** Small hand-made editions for tests whose expected results are worked out by hand. */
const t = (s: string) => ({ ja: `${s}（ja）`, en: s });

export function node(id: string, kind: StandardNode['kind'], extra: Partial<StandardNode> = {}): StandardNode {
  return { id, kind, title: t(id), ...extra };
}

export function standard(id: string, requirements: StandardNode[], extra: Partial<Standard> = {}): Standard {
  return { id, title: t(id), version: '1', publisher: 'test', licence: t('test'), source: 'test', confidence: 'verified', requirements, ...extra };
}

export function item(id: string, number: string, extra: Partial<Requirement> & { maps?: [string, string, Mapping['relationship']][] } = {}): Requirement {
  const { maps = [], ...rest } = extra;
  return {
    id,
    number,
    title: t(id),
    layers: ['device'],
    phases: ['design.software'],
    threatCategory: 'cat',
    criteria: [t('criterion')],
    interpretation: [{ attack: t('attack'), countermeasures: [t('countermeasure')] }],
    verification: { methods: ['test'], steps: [t('step')] },
    applicability: [],
    references: [],
    mappings: maps.map(([std, requirement, relationship]) => ({ standard: std, requirement, relationship, rationale: t('why') })),
    terms: [],
    ...rest,
  };
}

export function edition(parts: Partial<Edition> = {}): Edition {
  return {
    meta: { id: '2099.1', title: t('Test edition'), status: 'published', date: '2099-01-01', changelog: [] },
    taxonomy: {
      layers: LAYERS.map((id) => ({ id, label: t(id) })),
      stages: STAGES.map((id) => ({ id, label: t(id) })),
      phases: PHASES.map((id) => ({ id, label: t(id), stage: STAGE_OF_PHASE[id] })),
      threatCategories: [{ id: 'cat', label: t('cat'), children: [{ id: 'sub', label: t('sub') }] }],
      applicability: [{ id: 'has-web-ui', label: t('web ui') }],
    },
    requirements: [],
    glossary: [],
    standards: [],
    outOfScope: [],
    ...parts,
  };
}
