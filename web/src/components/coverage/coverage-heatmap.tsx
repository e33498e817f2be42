import type { Matrix } from '../../api/types';
import { useLocalize, useT } from '../../i18n/i18n';
import { cellPath } from '../../router/paths';
import { Link } from '../../router/router';
import { LayerPhaseTable } from '../layer-phase-table';
import type { StandardCoverage } from './coverage.types';

/** Shade in five steps relative to the fullest cell (covered + partial). */
function heat(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.ceil((value / max) * 5));
}

/**
 * Layer × phase: how many requirements of the standard the items of each cell
 * cover (large figure) and reach only in part (small figure). A non-empty cell
 * links to the items of that cell.
 */
export function CoverageHeatmap({ report, matrix }: { report: StandardCoverage; matrix: Matrix }) {
  const t = useT();
  const localize = useLocalize();
  const cells = new Map(report.cells.map((c) => [`${c.layer}|${c.phase}`, c]));
  const max = Math.max(0, ...report.cells.map((c) => c.covered + c.partial));

  return (
    <div className="cov-heatmap-scroll">
      <LayerPhaseTable
        matrix={matrix}
        prefix="cov-heatmap"
        caption={t.coverage.heatmapCaption(localize(report.standard.title))}
        cell={(layer, phase) => {
          const cell = cells.get(`${layer.id}|${phase.id}`) ?? { covered: 0, partial: 0 };
          const name = t.coverage.heatmapCell(localize(layer.label), localize(phase.label), cell.covered, cell.partial);
          const body = (
            <>
              <span className="cov-heat-covered">{cell.covered}</span>
              <span className="cov-heat-partial">{cell.partial > 0 ? `+${cell.partial}` : ''}</span>
            </>
          );
          return (
            <td key={phase.id} className={`cov-heat cov-heat-${heat(cell.covered + cell.partial, max)}`} data-layer={layer.id} data-phase={phase.id}>
              {cell.covered + cell.partial > 0 ? (
                <Link to={cellPath(layer.id, phase.id)} aria-label={name} title={name} className="cov-heat-value">
                  {body}
                </Link>
              ) : (
                <span aria-label={name} title={name} className="cov-heat-value" role="img">
                  {body}
                </span>
              )}
            </td>
          );
        }}
      />
      <p className="cov-heatmap-legend">
        <span className="cov-heat-key">
          <span className="cov-heat-covered">N</span> {t.coverage.heatmapKeyCovered}
        </span>
        <span className="cov-heat-key">
          <span className="cov-heat-partial">+N</span> {t.coverage.heatmapKeyPartial}
        </span>
        <span className="cov-heat-scale" aria-hidden="true">
          {[0, 1, 2, 3, 4, 5].map((n) => (
            <span key={n} className={`cov-heat-${n}`} />
          ))}
        </span>
        <span className="muted">{t.coverage.heatmapKeyScale}</span>
      </p>
    </div>
  );
}
