import type { Requirement } from './model/edition.schema.js';
import { LAYERS, type Layer, PHASES, type Phase } from './taxonomy.js';

export interface MatrixCell {
  layer: Layer;
  phase: Phase;
  count: number;
}

/** Item counts per layer x phase; an item with several layers/phases counts in each cell. */
export function layerPhaseMatrix(requirements: readonly Requirement[]): MatrixCell[] {
  const counts = new Map<string, number>();
  for (const r of requirements) {
    for (const layer of new Set(r.layers)) {
      for (const phase of new Set(r.phases)) {
        const key = `${layer}|${phase}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const cells: MatrixCell[] = [];
  for (const layer of LAYERS) {
    for (const phase of PHASES) cells.push({ layer, phase, count: counts.get(`${layer}|${phase}`) ?? 0 });
  }
  return cells;
}
