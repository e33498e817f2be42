import type { Matrix, PhaseTerm, Term } from '../api/types';
import { useLocalize, useT } from '../i18n/i18n';
import { cellPath } from '../router/paths';
import { Link } from '../router/router';

interface StageGroup {
  stage: Term | undefined;
  stageId: string;
  phases: PhaseTerm[];
}

/** Consecutive phases of one stage share a header cell above them. */
function groupByStage(matrix: Matrix): StageGroup[] {
  const groups: StageGroup[] = [];
  for (const phase of matrix.phases) {
    const last = groups.at(-1);
    if (last && last.stageId === phase.stage) last.phases.push(phase);
    else {
      const stage = matrix.stages.find((candidate) => candidate.id === phase.stage);
      groups.push({ stage, stageId: phase.stage, phases: [phase] });
    }
  }
  return groups;
}

/** Shade cells in four steps relative to the fullest one. */
function level(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

/** Rows are layers, columns are phases grouped under their stages. */
export function MatrixTable({ matrix }: { matrix: Matrix }) {
  const t = useT();
  const localize = useLocalize();
  const groups = groupByStage(matrix);
  const counts = new Map(matrix.cells.map((cell) => [`${cell.layer}|${cell.phase}`, cell.count]));
  const max = Math.max(0, ...matrix.cells.map((cell) => cell.count));
  // A firmer line where a new stage begins keeps the groups readable.
  const stageStarts = new Set(groups.slice(1).map((group) => group.phases[0]?.id));
  const edge = (phaseId: string) => (stageStarts.has(phaseId) ? ' stage-start' : '');

  return (
    <div className="matrix-scroll">
      <table className="matrix">
        <caption className="visually-hidden">{t.matrixCaption(localize(matrix.edition.title))}</caption>
        <colgroup>
          <col className="matrix-col-layer" />
        </colgroup>
        {groups.map((group) => (
          <colgroup key={group.stageId} span={group.phases.length} className="matrix-stage-cols" />
        ))}
        <thead>
          <tr>
            <td className="matrix-corner" rowSpan={2}>
              <span className="matrix-corner-phase">{t.phase} →</span>
              <span className="matrix-corner-layer">{t.layer} ↓</span>
            </td>
            {groups.map((group) => (
              <th key={group.stageId} scope="colgroup" colSpan={group.phases.length} className={`matrix-stage${edge(group.phases[0]?.id ?? '')}`}>
                {group.stage ? localize(group.stage.label) : group.stageId}
              </th>
            ))}
          </tr>
          <tr>
            {matrix.phases.map((phase) => (
              <th key={phase.id} scope="col" className={`matrix-phase${edge(phase.id)}`}>
                {localize(phase.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.layers.map((layer) => (
            <tr key={layer.id}>
              <th scope="row" className="matrix-layer">
                {localize(layer.label)}
              </th>
              {matrix.phases.map((phase) => {
                const count = counts.get(`${layer.id}|${phase.id}`) ?? 0;
                const label = t.cellLabel(localize(layer.label), localize(phase.label), count);
                return (
                  <td key={phase.id} className={`matrix-cell level-${level(count, max)}${edge(phase.id)}`}>
                    {count > 0 ? (
                      <Link to={cellPath(layer.id, phase.id)} aria-label={label} className="matrix-count">
                        {count}
                      </Link>
                    ) : (
                      <button type="button" disabled aria-label={label} className="matrix-count">
                        0
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
