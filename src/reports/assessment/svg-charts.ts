import type { ScoreGroup, VerdictCounts } from '../../core/assessment/results.types.js';
import { VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import { VERDICTS, type Verdict } from '../../core/assessment/verdicts.js';
import { html, type SafeHtml } from '../html.js';
import type { Lang } from '../labels.js';
import { type AssessmentLabels, percent } from './assessment-labels.js';

/**
 * Inline SVG charts for printed reports: no script, no external resource.
 * Each chart is role="img" with a <title> and <desc> naming the numbers, and
 * the report repeats the numbers in a table next to it.
 */

export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = {
  pass: '#2e7d32',
  partial: '#f2a900',
  fail: '#c62828',
  'not-applicable': '#8d8d8d',
  unassessed: '#d6d6d6',
  'needs-review': '#6a1b9a',
};

const fmt = (n: number) => Number(n.toFixed(2));

/** A donut of the verdicts with a legend giving each count. */
export function verdictDonut(id: string, counts: VerdictCounts, lang: Lang, title: string): SafeHtml {
  const r = 60;
  const circumference = 2 * Math.PI * r;
  const total = counts.total;
  let offset = 0;
  const arcs = VERDICTS.filter((v) => counts[v] > 0).map((v) => {
    const length = (counts[v] / total) * circumference;
    const arc = html`<circle cx="90" cy="90" r="${r}" fill="none" stroke="${VERDICT_COLOURS[v]}" stroke-width="28" stroke-dasharray="${fmt(length)} ${fmt(circumference - length)}" stroke-dashoffset="${fmt(-offset)}" transform="rotate(-90 90 90)"/>`;
    offset += length;
    return arc;
  });
  const summary = VERDICTS.map((v) => `${VERDICT_LABELS[v][lang]} ${counts[v]}`).join(', ');
  return html`<svg class="chart donut" viewBox="0 0 460 180" width="460" height="180" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">${title}</title>
<desc id="${id}-d">${summary}</desc>
<circle cx="90" cy="90" r="${r}" fill="none" stroke="#eeeeee" stroke-width="28"/>
${arcs}
<text x="90" y="86" text-anchor="middle" class="big">${total}</text>
<text x="90" y="104" text-anchor="middle" class="small">${lang === 'ja' ? '項目' : 'items'}</text>
${VERDICTS.map(
  (v, i) => html`<rect x="200" y="${18 + i * 25}" width="14" height="14" fill="${VERDICT_COLOURS[v]}"/>
<text x="222" y="${30 + i * 25}">${VERDICT_LABELS[v][lang]}</text><text x="440" y="${30 + i * 25}" text-anchor="end">${counts[v]}</text>`,
)}
</svg>`;
}

/** SVG text does not wrap: long labels are cut (the table beside the chart has them whole). */
function shorten(label: string, lang: Lang): string {
  const max = lang === 'ja' ? 16 : 30;
  return [...label].length > max ? `${[...label].slice(0, max - 1).join('')}…` : label;
}

/** One horizontal bar per group, its length the score, its percentage written beside it. */
export function scoreBars(id: string, groups: readonly ScoreGroup[], lang: Lang, title: string, L: AssessmentLabels): SafeHtml {
  const row = 24;
  const labelWidth = 200;
  const barWidth = 330;
  const height = groups.length * row + 10;
  const summary = groups.map((g) => `${g.label[lang]} ${percent(g.score, L)}`).join(', ');
  return html`<svg class="chart bars" viewBox="0 0 620 ${height}" width="620" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">${title}</title>
<desc id="${id}-d">${summary}</desc>
${groups.map((g, i) => {
  const y = 5 + i * row;
  const width = g.score === null ? 0 : fmt(g.score * barWidth);
  return html`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${shorten(g.label[lang], lang)}</text>
<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="16" fill="#eeeeee"/>
<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="16" fill="#12304f"/>
<text x="${labelWidth + barWidth + 8}" y="${y + 15}">${percent(g.score, L)}</text>`;
})}
</svg>`;
}
