import { type ScoreGroup, VERDICTS } from '../api/assessment.types';
import { useLocalize, useT } from '../i18n/i18n';
import { TableHead } from '../components/tables/table-head';
import { ScrollTable } from '../components/tables/scroll-table';

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

const BAR_WIDTH = 320;
const ROW = 26;

/**
 * Scores of a set of groups as horizontal bars (plain SVG: no inline styles
 * under the CSP), each bar labelled with its figure; the same numbers are in
 * the table below it, with the count of every verdict.
 */
export function ScoreChart({ title, groups }: { title: string; groups: ScoreGroup[] }) {
  const t = useT();
  const localize = useLocalize();
  const height = groups.length * ROW + 4;
  return (
    <section className="card score-chart" aria-label={title}>
      <h3>{title}</h3>
      <svg
        className="score-bars"
        role="img"
        aria-label={t.results.chartLabel(title)}
        viewBox={`0 0 ${BAR_WIDTH + 260} ${height}`}
        preserveAspectRatio="xMinYMin meet"
        width="100%"
        height={height}
      >
        {groups.map((g, index) => {
          const y = index * ROW + 2;
          const width = Math.round((g.score ?? 0) * BAR_WIDTH);
          return (
            <g key={g.id}>
              <text x="0" y={y + 16} className="score-label">
                {localize(g.label).slice(0, 18)}
              </text>
              <rect x="200" y={y + 3} width={BAR_WIDTH} height={ROW - 8} className="score-track" />
              <rect x="200" y={y + 3} width={width} height={ROW - 8} className="score-fill" />
              <text x={200 + BAR_WIDTH + 8} y={y + 16} className="score-value">
                {percent(g.score)}
              </text>
            </g>
          );
        })}
      </svg>
      <ScrollTable className="data-table score-table">
        <TableHead
          columns={[
            t.results.group,
            { label: t.results.score, className: 'num' },
            { label: t.results.completion, className: 'num' },
            ...VERDICTS.map((v) => ({ label: t.assessments.verdicts[v], className: 'num' })),
          ]}
        />
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">{localize(g.label)}</th>
              <td className="num">{percent(g.score)}</td>
              <td className="num">{percent(g.completion)}</td>
              {VERDICTS.map((v) => (
                <td key={v} className="num">
                  {g.counts[v]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
