import type { ReactNode } from 'react';
import type { Matrix, PhaseTerm, Term } from '../api/types';
import { useLocalize, useT } from '../i18n/i18n';

/** Consecutive phases of one stage, which share a header cell above them. */
export interface StageGroup {
  stage: Term | undefined;
  stageId: string;
  phases: PhaseTerm[];
}

export function groupByStage(matrix: Matrix): StageGroup[] {
  const groups: StageGroup[] = [];
  for (const phase of matrix.phases) {
    const last = groups.at(-1);
    if (last && last.stageId === phase.stage) last.phases.push(phase);
    else groups.push({ stage: matrix.stages.find((candidate) => candidate.id === phase.stage), stageId: phase.stage, phases: [phase] });
  }
  return groups;
}

/**
 * A layer × phase table (the guidebook's matrix, a standard's coverage
 * heatmap): a corner cell, the stages over their phases, then a row per layer
 * whose cells `cell` draws. The table is classed `prefix`, its parts
 * `<prefix>-corner`, `-stage`, `-phase` and `-layer`; `edge` adds a class to
 * the first column of a stage, and `before` goes between the caption and the
 * head (column groups).
 */
export function LayerPhaseTable({
  matrix,
  prefix,
  caption,
  before,
  edge = () => '',
  cell,
}: {
  matrix: Matrix;
  prefix: string;
  caption: string;
  before?: ReactNode;
  edge?: (phaseId: string) => string;
  cell: (layer: Term, phase: PhaseTerm) => ReactNode;
}) {
  const t = useT();
  const localize = useLocalize();
  return (
    <table className={prefix}>
      <caption className="visually-hidden">{caption}</caption>
      {before}
      <thead>
        <tr>
          <td className={`${prefix}-corner`} rowSpan={2}>
            <span className={`${prefix}-corner-phase`}>{t.phase} →</span>
            <span className={`${prefix}-corner-layer`}>{t.layer} ↓</span>
          </td>
          {groupByStage(matrix).map((group) => (
            <th key={group.stageId} scope="colgroup" colSpan={group.phases.length} className={`${prefix}-stage${edge(group.phases[0]?.id ?? '')}`}>
              {group.stage ? localize(group.stage.label) : group.stageId}
            </th>
          ))}
        </tr>
        <tr>
          {matrix.phases.map((phase) => (
            <th key={phase.id} scope="col" className={`${prefix}-phase${edge(phase.id)}`}>
              {localize(phase.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.layers.map((layer) => (
          <tr key={layer.id}>
            <th scope="row" className={`${prefix}-layer`}>
              {localize(layer.label)}
            </th>
            {matrix.phases.map((phase) => cell(layer, phase))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
