import type { CoverageReport, RequirementCoverage } from '../core/coverage/coverage.types.js';
import type { Edition, Localized } from '../core/model/edition.schema.js';
import { html, joinHtml } from './html.js';
import { csvText } from './csv.js';

/** Renderers of coverage reports for the CLI: text, CSV and a standalone HTML page. */

const STATUSES = ['covered', 'partial', 'out-of-scope', 'pending', 'gap'] as const;

const pct = (r: CoverageReport) => {
  const answered = r.summary.covered + r.summary.partial + r.summary['out-of-scope'];
  return r.summary.total ? `${((answered / r.summary.total) * 100).toFixed(1)}%` : '-';
};

export function coverageText(reports: readonly CoverageReport[], unbacked: readonly { number: string; title: Localized }[]): string {
  const head = `${'standard'.padEnd(22)} ${'total'.padStart(5)} ${STATUSES.map((s) => s.padStart(12)).join(' ')} ${'answered'.padStart(9)}`;
  const rows = reports.map(
    (r) =>
      `${r.standard.id.padEnd(22)} ${String(r.summary.total).padStart(5)} ${STATUSES.map((s) => String(r.summary[s]).padStart(12)).join(' ')} ${pct(r).padStart(9)}`,
  );
  const notes = reports.flatMap((r) => (r.unverifiedLevels.length ? [`${r.standard.id}: SL data unverified for ${r.unverifiedLevels.join(', ')}`] : []));
  return [
    head,
    ...rows,
    '',
    `items backed by no standard (独自項目): ${unbacked.length}`,
    ...unbacked.map((u) => `  ${u.number} ${u.title.ja}`),
    ...notes,
  ].join('\n');
}

export function gapsText(list: readonly { standard: string; gaps: RequirementCoverage[]; pending: RequirementCoverage[] }[]): string {
  const lines: string[] = [];
  for (const g of list) {
    lines.push(`${g.standard}: ${g.gaps.length} gap(s), ${g.pending.length} pending verification`);
    for (const x of g.gaps) lines.push(`  GAP      ${x.id}  ${x.title.en}`);
    for (const x of g.pending) lines.push(`  PENDING  ${x.id}  ${x.title.en}  (${x.reason?.en ?? ''})`);
  }
  return lines.join('\n');
}

/** One row per standard requirement (and enhancement), RFC 4180 quoting. */
export function coverageCsv(reports: readonly CoverageReport[]): string {
  const rows = [['standard', 'requirement', 'kind', 'coverage', 'status', 'levels', 'items', 'relationships', 'reason_en', 'title_en', 'title_ja']];
  for (const r of reports) {
    for (const x of r.requirements.flatMap((y) => [y, ...y.enhancements])) {
      rows.push([
        r.standard.id,
        x.id,
        x.kind,
        x.coverage,
        x.status ?? '',
        x.levels.join(' '),
        x.links.map((l) => l.number).join(' '),
        x.links.map((l) => l.relationship).join(' '),
        x.reason?.en ?? '',
        x.title.en,
        x.title.ja,
      ]);
    }
  }
  return csvText(rows);
}

/** A self-contained HTML page (no script, inline-free CSS in a style element), every text escaped. */
export function coverageHtml(edition: Edition, reports: readonly CoverageReport[], unbacked: readonly { number: string; title: Localized }[]): string {
  const section = (r: CoverageReport) => html`<section>
<h2>${r.standard.title.ja} <small>${r.standard.id}</small></h2>
<p>${STATUSES.map((s) => `${s}: ${r.summary[s]}`).join(' / ')} — ${pct(r)}</p>
<table><thead><tr><th>要求</th><th>題名</th><th>状態</th><th>手引書の項目</th><th>理由</th></tr></thead><tbody>
${joinHtml(
  r.requirements.map(
    (x) =>
      html`<tr class="${x.coverage}"><td>${x.id}</td><td>${x.title.ja}</td><td>${x.coverage}</td><td>${x.links.map((l) => `${l.number} (${l.relationship})`).join(', ')}</td><td>${x.reason?.ja ?? ''}</td></tr>`,
  ),
)}
</tbody></table></section>`;
  return html`<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>網羅性の確認 ${edition.meta.id}</title>
<style>body{font-family:"Noto Sans CJK JP",sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;font-size:.85rem;text-align:left}tr.gap td{background:#fde8e8}tr.pending td{background:#fff4d6}tr.covered td{background:#e8f6ec}</style>
</head><body><h1>網羅性の確認 / Coverage — ${edition.meta.title.ja}</h1>
${joinHtml(reports.map(section))}
<section><h2>独自項目 / Items backed by no standard (${unbacked.length})</h2><ul>${joinHtml(unbacked.map((u) => html`<li>${u.number} ${u.title.ja}</li>`))}</ul></section>
</body></html>`.toString();
}
