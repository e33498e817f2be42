import type { Workbook } from 'exceljs';
import { VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { Pack, PackEvidence } from '../../core/packs/pack.types.js';
import { type Lang, pick } from '../labels.js';
import { EVALUATION_LABELS, packLabels, RESULT_LABELS, SUPPORT_LABELS } from './pack-labels.js';

type Cell = string | number;

function evidenceText(lang: Lang, evidence: readonly PackEvidence[]): string {
  return evidence
    .map((e) => {
      const verdict = e.verdict ? pick(VERDICT_LABELS[e.verdict], lang) : '—';
      const files = e.attachments.map((a) => `${a.downloadName} sha256:${a.sha256}`);
      return [`${e.no} ${pick(e.title, lang)}: ${verdict}`, e.evidence, e.comment, ...files].filter((s) => s !== '').join('\n');
    })
    .join('\n\n');
}

function sheet(wb: Workbook, name: string, banner: string, header: string[], rows: Cell[][], widths: number[]): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: false } });
  ws.addRow([banner]).font = { bold: true, color: { argb: 'FFC62828' } };
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

/** The pack as a workbook: the scheme's table, then the gaps; the first row of every sheet says draft or complete. */
export async function packWorkbook(pack: Pack, lang: Lang): Promise<Buffer> {
  const L = packLabels[lang];
  // exceljs is loaded with the first workbook: it is slow to import.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tebiki';
  wb.created = new Date(pack.header.generatedAt);
  const banner = pack.check.state === 'draft' ? L.draftBanner : L.completeNote;
  const res = (r: keyof typeof RESULT_LABELS) => pick(RESULT_LABELS[r], lang);
  if (pack.scheme === 'jc-star-1') {
    sheet(
      wb,
      'JC-STAR',
      banner,
      [L.requirement, L.title, L.result, L.pending, L.evaluation, L.items, L.partialItems],
      pack.rows.map((r) => [
        r.id,
        pick(r.title, lang),
        res(r.result),
        r.pending ? L.pending : '',
        pick(EVALUATION_LABELS[r.evaluation], lang),
        evidenceText(lang, r.evidence),
        evidenceText(lang, r.partialEvidence),
      ]),
      [10, 40, 16, 14, 18, 60, 40],
    );
  } else if (pack.scheme === 'etsi-en-303-645') {
    sheet(
      wb,
      'ICS',
      banner,
      [L.provision, L.title, L.status, L.conditions, L.applicable, L.support, L.evidence, L.partialItems],
      pack.rows.map((r) => [
        r.id,
        pick(r.title, lang),
        r.status,
        r.conditions.map((c) => `(${c.id}) ${pick(c.label, lang)}`).join('\n'),
        r.applicable ? L.yes : L.no,
        pick(SUPPORT_LABELS[r.support], lang),
        evidenceText(lang, r.evidence),
        evidenceText(lang, r.partialEvidence),
      ]),
      [10, 40, 10, 28, 10, 12, 60, 40],
    );
  } else {
    const rows = [...pack.partI, ...pack.partII].map((r) => [
      r.id,
      pick(r.title, lang),
      r.applicable ? L.yes : L.no,
      res(r.result),
      evidenceText(lang, r.evidence),
      evidenceText(lang, r.partialEvidence),
    ]);
    sheet(wb, 'Annex I', banner, [L.requirement, L.title, L.applicable, L.result, L.items, L.partialItems], rows, [10, 40, 10, 16, 60, 40]);
    sheet(
      wb,
      'SBOM',
      banner,
      [L.file, L.format, L.uploaded, L.components, 'SHA-256'],
      pack.facts.sboms.map((s) => [s.filename, `${s.format} ${s.specVersion}`, s.uploadedAt, s.components, s.sha256]),
      [30, 16, 24, 12, 70],
    );
    sheet(
      wb,
      lang === 'ja' ? '脆弱性' : 'Vulnerabilities',
      banner,
      [L.vulnerability, L.severity, L.triage],
      pack.facts.vulnerabilities.map((v) => [v.id, v.severity ?? '', v.status ?? '']),
      [24, 12, 24],
    );
  }
  sheet(
    wb,
    lang === 'ja' ? '不足' : 'Gaps',
    banner,
    [L.gapCode, L.gapTarget, L.gaps],
    pack.check.gaps.map((g) => [g.code, g.target ?? '', pick(g.message, lang)]),
    [26, 20, 100],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
