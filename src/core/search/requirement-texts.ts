import type { Localized, Requirement } from '../model/edition.schema.js';

/**
 * Every text of a requirement a reader sees, with its path in the
 * requirement (`criteria[2]`, `interpretation[0].countermeasures[1]`), in
 * reading order: what search indexes and keyword extraction reads.
 */
export function requirementTexts(r: Requirement): [field: string, text: Localized][] {
  const texts: [string, Localized][] = [['title', r.title]];
  for (const [i, c] of r.criteria.entries()) texts.push([`criteria[${i}]`, c]);
  for (const [i, p] of r.interpretation.entries()) {
    texts.push([`interpretation[${i}].attack`, p.attack]);
    for (const [j, c] of p.countermeasures.entries()) texts.push([`interpretation[${i}].countermeasures[${j}]`, c]);
  }
  for (const [i, s] of r.verification.steps.entries()) texts.push([`verification.steps[${i}]`, s]);
  return texts;
}
