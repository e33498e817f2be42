import type { CraCaseKind, CraStage } from '../core/cra/cra-clocks.js';
import { CRA_REPORT_FIELD_LABELS, CRA_STAGE_LABELS, labelsIn } from '../core/vocabulary-labels.js';
import { html, joinHtml } from './html.js';

/**
 * A CRA Article 14 report draft as the maker submits it itself through the
 * single reporting platform: the fields the regulation asks for, labelled in
 * ja or en. tebiki never transmits it anywhere.
 */

export const REPORT_TEXT_FIELDS = ['nature', 'measures', 'userMeasures', 'severity', 'maliciousActor', 'rootCause'] as const;
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];

/** The fields each stage must have before it can be marked sent (beyond those tebiki fills in). */
export function requiredFields(kind: CraCaseKind, stage: CraStage): (ReportTextField | 'suspectedMalicious')[] {
  if (stage === 'early-warning') return kind === 'incident' ? ['suspectedMalicious'] : [];
  if (stage === 'notification') return ['nature', 'measures'];
  return kind === 'incident' ? ['nature', 'severity', 'rootCause', 'measures'] : ['nature', 'severity', 'measures'];
}

export interface CraReportDocument {
  format: 'tebiki-cra-report';
  lang: 'ja' | 'en';
  drill: boolean;
  caseId: string;
  stage: CraStage;
  kind: CraCaseKind;
  title: string;
  product: { name: string; model: string | null; manufacturer: string };
  affectedVersions: string[];
  vulnerabilityId: string | null;
  aliases: string[];
  memberStates: string[];
  awareAt: string;
  dueAt: string | null;
  correctiveAt: string | null;
  fields: Record<string, unknown>;
  sensitive: boolean;
  sentAt: string | null;
  labels: Record<string, string>;
  notice: string;
}

const LABELS = {
  ja: {
    ...labelsIn(CRA_STAGE_LABELS, 'ja'),
    ...labelsIn(CRA_REPORT_FIELD_LABELS, 'ja'),
    product: '製品',
    manufacturer: '製造者',
    affectedVersions: '影響を受けるバージョン',
    vulnerabilityId: '脆弱性 ID',
    memberStates: '製品が提供されている加盟国',
    awareAt: '認識した時刻（UTC）',
    dueAt: '提出期限（UTC）',
    correctiveAt: '是正措置が利用可能になった時刻（UTC）',
    suspectedMalicious: '違法または悪意ある行為の疑い',
    sentAt: '送付済み（UTC）',
    yes: 'はい',
    no: 'いいえ',
    drill: '訓練',
  },
  en: {
    ...labelsIn(CRA_STAGE_LABELS, 'en'),
    ...labelsIn(CRA_REPORT_FIELD_LABELS, 'en'),
    product: 'Product',
    manufacturer: 'Manufacturer',
    affectedVersions: 'Affected versions',
    vulnerabilityId: 'Vulnerability id',
    memberStates: 'Member states where the product is made available',
    awareAt: 'Became aware (UTC)',
    dueAt: 'Due (UTC)',
    correctiveAt: 'Corrective measure available (UTC)',
    suspectedMalicious: 'Suspected unlawful or malicious act',
    sentAt: 'Marked sent (UTC)',
    yes: 'Yes',
    no: 'No',
    drill: 'DRILL',
  },
} as const;

export function reportLabels(lang: 'ja' | 'en'): Record<string, string> {
  return { ...LABELS[lang] };
}

export const REPORT_NOTICE = {
  ja: 'この文書は下書きです。tebiki は報告をどこにも送信しません。単一報告プラットフォーム（ENISA）から自社で提出してください。',
  en: 'This document is a draft. tebiki transmits nothing: submit it yourself through the single reporting platform (ENISA).',
} as const;

const yesNo = (doc: CraReportDocument, v: unknown) => (v === true ? doc.labels.yes : v === false ? doc.labels.no : '');

/** Printable HTML (for the PDF): every value is escaped. */
export function renderCraReportHtml(doc: CraReportDocument): string {
  const l = doc.labels;
  const row = (label: string | undefined, value: string | null | undefined) => html`<tr><th>${label ?? ''}</th><td>${value ?? ''}</td></tr>`;
  const rows = [
    row(l.product, [doc.product.name, doc.product.model].filter(Boolean).join(' / ')),
    row(l.manufacturer, doc.product.manufacturer),
    row(l.affectedVersions, doc.affectedVersions.join(', ')),
    doc.vulnerabilityId ? row(l.vulnerabilityId, [doc.vulnerabilityId, ...doc.aliases].join(', ')) : null,
    row(l.memberStates, doc.memberStates.join(', ')),
    row(l.awareAt, doc.awareAt),
    row(l.dueAt, doc.dueAt),
    doc.correctiveAt ? row(l.correctiveAt, doc.correctiveAt) : null,
    ...REPORT_TEXT_FIELDS.filter((f) => typeof doc.fields[f] === 'string' && doc.fields[f] !== '').map((f) => row(l[f], String(doc.fields[f]))),
    doc.kind === 'incident' ? row(l.suspectedMalicious, yesNo(doc, doc.fields.suspectedMalicious)) : null,
    row(l.sensitive, yesNo(doc, doc.sensitive)),
    doc.sentAt ? row(l.sentAt, doc.sentAt) : null,
  ];
  const stage = l[doc.stage] ?? doc.stage;
  return html`<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${stage} — ${doc.title}</title>
<style>body{font-family:'Noto Sans CJK JP',sans-serif;margin:2em}th{text-align:left;vertical-align:top;padding:.3em 1em .3em 0;width:16em}td{white-space:pre-wrap;padding:.3em 0}.drill{color:#b00;font-weight:bold}.notice{font-size:.85em;color:#555}</style></head>
<body>${doc.drill ? html`<p class="drill">${l.drill}</p>` : ''}<h1>${stage}: ${doc.title}</h1><table>${joinHtml(rows)}</table><p class="notice">${doc.notice}</p></body></html>`.toString();
}
