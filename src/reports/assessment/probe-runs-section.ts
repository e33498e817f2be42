import type { Finding } from '../../core/evidence/finding.types.js';
import { html, type SafeHtml } from '../html.js';
import type { Lang } from '../labels.js';
import { timestamp } from './assessment-labels.js';

/** A probe run as reports show it: scope facts, state and findings with their linked items. */
export interface ReportProbeRun {
  id: string;
  state: string;
  error: string | null;
  scope: { name: string; authorisedBy: string; sha256: string };
  startedAt: string | null;
  finishedAt: string | null;
  findings: (Finding & { requirements: { id: string; coverage: string }[] })[];
}

/** Evidence in a report cell: compact JSON, cut at a length a printed page can hold. */
export const REPORT_EVIDENCE_CHARS = 600;
export function evidenceText(evidence: Record<string, unknown>): string {
  const text = JSON.stringify(evidence);
  return text.length <= REPORT_EVIDENCE_CHARS ? text : `${text.slice(0, REPORT_EVIDENCE_CHARS)}…`;
}

const LABELS = {
  ja: {
    title: '機器プローブの結果',
    intro: '診断対象の製品へ、宣言した範囲（スコープ）の中だけで送った検査の結果です。判定の提案は、診断者が受け入れたものだけが回答になります。',
    run: '実行',
    scope: 'スコープ',
    authorisedBy: '実施の許可者',
    state: '状態',
    period: '実施時間',
    check: 'チェック',
    target: '対象',
    verdict: '判定',
    summary: '概要',
    evidence: '根拠（送受信の記録）',
    items: '関連項目',
    at: '時刻',
    none: 'なし',
    verdicts: { pass: '合格', fail: '不合格', inconclusive: '判定不能', 'not-applicable': '該当なし', error: 'エラー' } as Record<string, string>,
  },
  en: {
    title: 'Device probe runs',
    intro:
      'Checks sent to the product under assessment, only within the declared scope. A suggested verdict becomes an answer only when the assessor accepts it.',
    run: 'Run',
    scope: 'Scope',
    authorisedBy: 'Authorised by',
    state: 'State',
    period: 'Ran',
    check: 'Check',
    target: 'Target',
    verdict: 'Verdict',
    summary: 'Summary',
    evidence: 'Evidence (sent and received)',
    items: 'Linked items',
    at: 'At',
    none: 'none',
    verdicts: { pass: 'pass', fail: 'fail', inconclusive: 'inconclusive', 'not-applicable': 'not applicable', error: 'error' } as Record<string, string>,
  },
} as const;

/** The report section listing every run of the assessment with its findings; nothing when there are none. */
export function probeRunsSection(lang: Lang, runs: readonly ReportProbeRun[]): SafeHtml {
  if (runs.length === 0) return html``;
  const L = LABELS[lang];
  return html`<section class="part" id="probe-runs">
<h2>${L.title}</h2>
<p class="note">${L.intro}</p>
${runs.map(
  (r) => html`<section class="probe-run" id="probe-run-${r.id}">
<h3>${L.run} ${r.scope.name} <small class="muted">${r.id}</small></h3>
<table><tbody>
<tr><th>${L.scope}</th><td>${r.scope.name} <span class="muted">sha256 <span class="hash">${r.scope.sha256}</span></span></td></tr>
<tr><th>${L.authorisedBy}</th><td>${r.scope.authorisedBy}</td></tr>
<tr><th>${L.state}</th><td>${r.state}${r.error ? html` — <span class="text">${r.error}</span>` : ''}</td></tr>
<tr><th>${L.period}</th><td>${timestamp(r.startedAt) ?? ''} – ${timestamp(r.finishedAt) ?? ''}</td></tr>
</tbody></table>
${
  r.findings.length === 0
    ? ''
    : html`<table class="findings"><thead><tr><th>${L.check} / ${L.target}</th><th>${L.verdict}</th><th>${L.summary}</th><th>${L.items}</th><th>${L.at}</th></tr></thead>
<tbody>${r.findings.map(
        (f) =>
          html`<tr><td class="nowrap">${f.check}<br><span class="muted">${f.target}</span></td><td><span class="badge f-${f.verdict}">${L.verdicts[f.verdict] ?? f.verdict}</span></td><td class="text">${f.summary[lang]}</td><td>${f.requirements.length ? f.requirements.map((q) => q.id).join(', ') : L.none}</td><td class="nowrap">${timestamp(f.at)}</td></tr>
<tr class="evidence-row"><td colspan="5"><span class="muted">${L.evidence}:</span> <code class="evidence">${evidenceText(f.evidence)}</code></td></tr>\n`,
      )}</tbody></table>`
}
</section>`,
)}
</section>`;
}
