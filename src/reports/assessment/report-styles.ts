import { html, type SafeHtml, trustedMarkup } from '../html.js';
import type { Lang } from '../labels.js';

/**
 * The stylesheet of the assessment reports (screen and A4 print), our own
 * constant text: fonts are local only (Noto CJK from fonts-noto-cjk), like the
 * guidebook's.
 */
const CSS = `
@page {
  size: A4;
  margin: 16mm 14mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-family: "Noto Sans CJK JP", sans-serif; font-size: 8pt; color: #555555; }
}
:root {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif;
  font-size: 9.5pt;
  line-height: 1.55;
  color: #111111;
}
body { margin: 0 auto; max-width: 182mm; }
h1, h2, h3 { line-height: 1.3; }
h1 { font-size: 22pt; margin: 0 0 4mm; }
h2 { font-size: 15pt; border-bottom: 2px solid #12304f; padding-bottom: 1.5mm; margin-top: 8mm; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
p.note, .muted { color: #444444; font-size: 8.5pt; }
.cover { break-after: page; padding-top: 12mm; }
.cover .subtitle { font-size: 12pt; color: #444444; margin: 0; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm; margin: 8mm 0; font-size: 10.5pt; }
.cover dt { font-weight: 700; }
.cover dd { margin: 0; overflow-wrap: anywhere; }
.banner { border: 2px solid #c62828; color: #c62828; background: #fdecea; font-weight: 700; padding: 3mm 4mm; margin: 6mm 0; font-size: 12pt; }
.final { border: 1px solid #2e7d32; color: #1b5e20; background: #e8f5e9; padding: 2mm 4mm; margin: 6mm 0; }
.hash { font-family: "Noto Sans Mono CJK JP", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
section.part { break-before: page; }
.charts { display: flex; flex-wrap: wrap; gap: 4mm; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-weight: 700; font-size: 9.5pt; }
svg.chart { max-width: 100%; height: auto; font-family: "Noto Sans CJK JP", sans-serif; font-size: 12px; }
svg.chart .big { font-size: 26px; font-weight: 700; }
svg.chart .small { font-size: 11px; fill: #555555; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bbbbbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f6; }
td.numeric, th.numeric { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.text { white-space: pre-wrap; }
code.evidence { font-family: "Noto Sans Mono CJK JP", monospace; font-size: 7.5pt; overflow-wrap: anywhere; white-space: pre-wrap; }
tr.evidence-row td { border-top: none; padding-top: 0; }
.badge { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-weight: 700; white-space: nowrap; }
.v-pass, .s-met, .r-met { background: #e3f1e4; color: #1b5e20; }
.v-partial, .r-partially-met { background: #fff3cd; color: #6d4c00; }
.v-fail, .s-not-met, .r-not-met { background: #fdecea; color: #b71c1c; }
.v-not-applicable, .r-not-applicable { background: #eeeeee; color: #444444; }
.v-unassessed, .s-unknown, .r-unknown, .r-no-items { background: #f5f5f5; color: #555555; }
.v-needs-review { background: #f3e5f5; color: #4a148c; }
.r-partial-evidence { background: #e3ecf8; color: #0b3c75; border: 1px dashed #0b3c75; }
.flag { color: #b71c1c; font-weight: 700; }
ul.plain { list-style: none; padding: 0; margin: 0; }
tr.c-improved td { background: #eef8ef; }
tr.c-regressed td { background: #fdecea; }
tr.c-changed td { background: #fff8e1; }
tr.c-added td, tr.c-removed td { background: #eef3fb; }
footer { margin-top: 8mm; color: #555555; font-size: 8pt; }
`;

/** Marks every printed page of a report that is not final. */
const DRAFT_CSS = `
@page { @top-center { content: "未確定 DRAFT"; color: #c62828; font-family: "Noto Sans CJK JP", sans-serif; font-size: 9pt; font-weight: 700; } }
`;

export function reportStyles(draft: boolean): SafeHtml {
  return trustedMarkup(`<style>${CSS}${draft ? DRAFT_CSS : ''}</style>`);
}

/**
 * A printable report as one HTML document (no scripts): this stylesheet (and
 * `extraStyle`), the body marked draft or final, the footer line last.
 */
export function reportDocument(doc: { lang: Lang; title: string; draft: boolean; extraStyle?: SafeHtml; body: SafeHtml; footer: string }): string {
  return html`<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="generator" content="tebiki">
<title>${doc.title}</title>
${reportStyles(doc.draft)}${doc.extraStyle ?? ''}
</head>
<body class="${doc.draft ? 'draft' : 'final'}">
${doc.body}
<footer>${doc.footer}</footer>
</body>
</html>
`.value;
}
