import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useLanguage, useT } from '../../i18n/i18n';
import { BarChart, stackedStatusBars } from './coverage-chart';
import type { CoverageCounts } from './coverage.types';

/**
 * One horizontal bar, stacked covered → partial → out of scope → pending →
 * gap, scaled to the applicable requirements. Axes are hidden: the legend
 * beside it carries the numbers.
 */
export function SummaryBar({ counts, label }: { counts: CoverageCounts; label: string }) {
  const t = useT();
  const { lang } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang re-creates the chart in the other language.
  const config = useMemo<ChartConfiguration<'bar'>>(
    () =>
      stackedStatusBars({
        labels: [label],
        figures: (status) => [counts[status]],
        statusName: (status) => t.coverage.statuses[status],
        bar: { barPercentage: 1, categoryPercentage: 1 },
        scales: {
          x: { stacked: true, display: false, min: 0, max: Math.max(1, counts.total) },
          y: { stacked: true, display: false },
        },
        tooltip: { callbacks: { title: () => '', label: (item) => `${item.dataset.label ?? ''}: ${item.formattedValue}` } },
      }),
    [counts, label, t, lang],
  );
  return <BarChart config={config} label={label} className="cov-chart-summary" />;
}
