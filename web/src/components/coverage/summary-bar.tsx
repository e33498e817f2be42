import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useLanguage, useT } from '../../i18n/i18n';
import { BarChart, chartFont, statusColour } from './coverage-chart';
import { ANSWER_ORDER, type CoverageCounts } from './coverage.types';

/**
 * One horizontal bar, stacked covered → partial → out of scope → pending →
 * gap, scaled to the applicable requirements. Axes are hidden: the legend
 * beside it carries the numbers.
 */
export function SummaryBar({ counts, label }: { counts: CoverageCounts; label: string }) {
  const t = useT();
  const { lang } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang re-creates the chart in the other language.
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const font = chartFont();
    return {
      type: 'bar',
      data: {
        labels: [label],
        datasets: ANSWER_ORDER.map((status) => ({
          label: t.coverage.statuses[status],
          data: [counts[status]],
          backgroundColor: statusColour(status),
          borderWidth: 0,
          barPercentage: 1,
          categoryPercentage: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 250 },
        font: { family: font.family },
        scales: {
          x: { stacked: true, display: false, min: 0, max: Math.max(1, counts.total) },
          y: { stacked: true, display: false },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: () => '', label: (item) => `${item.dataset.label ?? ''}: ${item.formattedValue}` } },
        },
      },
    };
  }, [counts, label, t, lang]);
  return <BarChart config={config} label={label} className="cov-chart-summary" />;
}
