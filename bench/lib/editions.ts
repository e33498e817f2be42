import type { Edition } from '../../src/core/model/edition.schema.js';
import { bundledEdition } from '../../test/helpers/bundled-edition.js';

/** The edition with its requirements cloned `factor` times under new ids (mappings included). */
export function scaled(edition: Edition, factor: number): Edition {
  const requirements = [];
  for (let i = 0; i < factor; i++) {
    for (const r of edition.requirements) requirements.push({ ...r, id: `${r.id}-x${i}`, number: `${r.number}.${i}` });
  }
  return { ...edition, requirements };
}

/** The bundled edition and one `factor` times larger (made by `enlarge`), labelled, for a benchmark that measures both sizes. */
export function bundledAndSynthetic(factor: number, enlarge: (edition: Edition, factor: number) => Edition = scaled): [string, Edition][] {
  const bundled = bundledEdition();
  return [
    ['bundled', bundled],
    [`${factor}x synthetic`, enlarge(bundled, factor)],
  ];
}
