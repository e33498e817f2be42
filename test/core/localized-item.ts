import type { Localized, Requirement } from '../../src/core/model/edition.schema.js';

export const L = (ja: string, en: string): Localized => ({ ja, en });

/** A device-layer item of the software design phase with Japanese and English texts (`more` replaces any field). */
export function localizedItem(id: string, number: string, title: Localized, more: Partial<Requirement> = {}): Requirement {
  return {
    id,
    number,
    title,
    layers: ['device'],
    phases: ['design.software'],
    threatCategory: 'cat',
    criteria: [L('基準を満たす。', 'The criterion holds.')],
    interpretation: [{ attack: L('攻撃の例。', 'An example attack.'), countermeasures: [L('対策の例。', 'An example countermeasure.')] }],
    verification: { methods: ['test'], steps: [L('手順を実施する。', 'Carry out the step.')] },
    applicability: [],
    references: [],
    mappings: [],
    terms: [],
    ...more,
  };
}
