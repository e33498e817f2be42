import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useLanguage, useLocalize, useT } from '../../i18n/i18n';
import { StatusKey } from './coverage-badge';
import { BarChart, chartFont, stackedStatusBars } from './coverage-chart';
import { ANSWER_ORDER, percent, type StandardCoverage } from './coverage.types';
import { TableHead } from '../tables/table-head';
import { ScrollTable } from '../tables/scroll-table';
import { IdTitleRowHeader } from '../tables/id-title-row-header';

type Group = StandardCoverage['groups'][number];

/** Long group titles are cut on the axis; the tooltip and the table show them whole. */
function axisLabel(text: string, max = 34): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Canvas height in steps, by the number of bars (the CSP rules out computed inline heights). */
function heightClass(count: number): string {
  if (count <= 4) return 'cov-chart-rows-s';
  if (count <= 9) return 'cov-chart-rows-m';
  if (count <= 14) return 'cov-chart-rows-l';
  return 'cov-chart-rows-xl';
}

function GroupTable({ groups }: { groups: Group[] }) {
  const t = useT();
  return (
    <details className="cov-details">
      <summary>{t.coverage.groupsTable}</summary>
      <ScrollTable className="data-table cov-number-table">
        <TableHead
          columns={[
            t.coverage.group,
            ...ANSWER_ORDER.map((s) => ({ label: t.coverage.statuses[s], className: 'num' })),
            { label: t.coverage.applicableHeading, className: 'num' },
            { label: t.coverage.answered, className: 'num' },
          ]}
        />
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <IdTitleRowHeader id={g.id} title={g.title} />
              {ANSWER_ORDER.map((s) => (
                <td key={s} className="num">
                  {g.counts[s]}
                </td>
              ))}
              <td className="num">{g.counts.total}</td>
              <td className="num">{percent(g.counts.total ? (g.counts.covered + g.counts.partial + g.counts['out-of-scope']) / g.counts.total : 0)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </details>
  );
}

/** Per group (family, foundational requirement): a stacked bar of its applicable requirements, and the same as a table. */
export function GroupChart({ report }: { report: StandardCoverage }) {
  const t = useT();
  const localize = useLocalize();
  const { lang } = useLanguage();
  const groups = report.groups;
  const title = localize(report.standard.title);
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang re-creates the chart in the other language.
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const font = chartFont();
    const names = groups.map((g) => `${g.id} ${localize(g.title)}`);
    return stackedStatusBars({
      labels: names.map((n) => axisLabel(n)),
      figures: (status) => groups.map((g) => g.counts[status]),
      statusName: (status) => t.coverage.statuses[status],
      bar: { maxBarThickness: 22 },
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: font.muted, font: { family: font.family } }, grid: { color: font.grid } },
        y: { stacked: true, ticks: { color: font.colour, font: { family: font.family, size: 12 } }, grid: { display: false } },
      },
      tooltip: { callbacks: { title: (items) => names[items[0]?.dataIndex ?? 0] ?? '' } },
    });
  }, [groups, t, lang, localize]);

  if (groups.length === 0) return <p className="muted">{t.coverage.groupsNone}</p>;
  return (
    <>
      <StatusKey />
      <BarChart config={config} label={t.coverage.groupsChartLabel(title)} className={heightClass(groups.length)} />
      <GroupTable groups={groups} />
    </>
  );
}
