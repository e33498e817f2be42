import type { Chart, ChartConfiguration, ChartDataset, ChartOptions } from 'chart.js';
import { useEffect, useRef } from 'react';
import { ANSWER_ORDER, type AnswerStatus } from './coverage.types';

type ChartJs = typeof import('chart.js');
let chartJs: Promise<ChartJs> | null = null;

/**
 * Chart.js is loaded on the first chart, in its own chunk: pages without
 * charts do not pay for it. Only the pieces the coverage charts use are registered.
 */
function loadChartJs(): Promise<ChartJs> {
  chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.Tooltip);
    return m;
  });
  return chartJs;
}

/**
 * The colour of a coverage status, read from coverage.css (`--cov-<status>`)
 * so that the canvas, the legend swatches and the badges share one palette.
 */
export function statusColour(status: AnswerStatus): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--cov-${status}`).trim();
  return value || '#888888';
}

/** The page's own font stack and ink, so chart text looks like the rest of the page. */
export function chartFont(): { family: string; colour: string; muted: string; grid: string } {
  const root = getComputedStyle(document.documentElement);
  return {
    family: getComputedStyle(document.body).fontFamily,
    colour: root.getPropertyValue('--ink').trim() || '#1c2430',
    muted: root.getPropertyValue('--muted').trim() || '#5a6473',
    grid: root.getPropertyValue('--line').trim() || '#dde2e8',
  };
}

/**
 * Horizontal bars stacked by coverage status (covered → partial → out of
 * scope → pending → gap), one bar per label, in the page's font and without
 * a legend (the status key beside the chart is the legend). The caller gives
 * each status's figures and name, how the bars are sized, the axes and the
 * tooltip.
 */
export function stackedStatusBars({
  labels,
  figures,
  statusName,
  bar,
  scales,
  tooltip,
}: {
  labels: string[];
  figures: (status: AnswerStatus) => number[];
  statusName: (status: AnswerStatus) => string;
  bar: Pick<ChartDataset<'bar'>, 'barPercentage' | 'categoryPercentage' | 'maxBarThickness'>;
  scales: ChartOptions<'bar'>['scales'];
  tooltip: NonNullable<ChartOptions<'bar'>['plugins']>['tooltip'];
}): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: ANSWER_ORDER.map((status) => ({
        label: statusName(status),
        data: figures(status),
        backgroundColor: statusColour(status),
        borderWidth: 0,
        ...bar,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 250 },
      font: { family: chartFont().family },
      scales,
      plugins: { legend: { display: false }, tooltip },
    },
  };
}

/**
 * One Chart.js bar chart on a canvas. `config` must be memoised by the caller:
 * a new config replaces the chart. The canvas is an image with a text
 * alternative; every chart also has its figures in text next to it.
 */
export function BarChart({ config, label, className }: { config: ChartConfiguration<'bar'>; label: string; className: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart<'bar'> | null = null;
    let gone = false;
    void loadChartJs().then((m) => {
      if (!gone && canvas.current) chart = new m.Chart(canvas.current, config);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div className={`cov-chart ${className}`}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
