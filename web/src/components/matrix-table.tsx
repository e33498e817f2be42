import type { Matrix } from '../api/types';
import { useLocalize, useT } from '../i18n/i18n';
import { cellPath } from '../router/paths';
import { Link } from '../router/router';
import { groupByStage, LayerPhaseTable } from './layer-phase-table';

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
      <LayerPhaseTable
        matrix={matrix}
        prefix="matrix"
        caption={t.matrixCaption(localize(matrix.edition.title))}
        before={
          <>
            <colgroup>
              <col className="matrix-col-layer" />
            </colgroup>
            {groups.map((group) => (
              <colgroup key={group.stageId} span={group.phases.length} className="matrix-stage-cols" />
            ))}
          </>
        }
        edge={edge}
        cell={(layer, phase) => {
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
        }}
      />
    </div>
  );
}
