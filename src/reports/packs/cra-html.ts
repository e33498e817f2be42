import { VERDICTS } from '../../core/assessment/verdicts.js';
import { VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { CraPack, CraRequirementRow } from '../../core/packs/pack.types.js';
import { html, type SafeHtml } from '../html.js';
import { pick } from '../labels.js';
import { type PackCtx, evidenceRow, resultBadge } from './pack-html.js';

/** Our own headings for the technical documentation, in the order of CRA Annex VII. */
const T = {
  ja: {
    outline: 'CRA 技術文書の骨子（ドラフト）',
    makerNote:
      '【ドラフト】この骨子は診断結果から作成した下書きです。製造者が内容を補い、確認して完成させます。「（製造者が記入）」の箇所は tebiki が知らない事項です。',
    toComplete: '（製造者が記入）',
    s1: '1. 製品の概要',
    s1Purpose: '想定する用途',
    s1Versions: 'セキュリティに関わるソフトウェアのバージョン',
    s1Manual: '利用者向けの情報と説明書',
    s2: '2. 設計・開発・製造と脆弱性対応の手順',
    s2Text: '設計・開発の手順は手引書の各フェーズ（企画から廃棄まで）の項目で点検した。診断での判定の内訳：',
    s3: '3. サイバーセキュリティ・リスク評価の要約',
    s3Text: 'リスク評価は手引書の脅威カテゴリと項目に沿って行った。下の附属書 I の各要件に、その結果と根拠を示す。',
    s4: '4. 附属書 I 第 I 部：適用の有無と手引書による対応',
    s5: '5. 附属書 I 第 II 部：脆弱性対応',
    s5Sbom: 'SBOM（ソフトウェア部品表）',
    s5Vulns: '既知の脆弱性とトリアージ',
    s5NoSbom: 'SBOM は登録されていません。',
    s5NoVulns: '照合で見つかった既知の脆弱性はありません。',
    s6: '6. サポート期間',
    release: 'リリース日',
    supportEnd: 'セキュリティサポートの終了日',
    s7: '7. 適用した規格・仕様',
    s7Text: '手引書の版とその対応付けを通じて、次の規格を参照した。',
    s8: '8. 試験報告',
    s8Text: '診断（結果とその内容のハッシュ）と添付された証拠ファイルが試験報告の根拠となる。',
    s9: '9. EU 適合宣言書',
    s9Text: '同梱の EU 適合宣言書（ドラフト）を参照。',
    applicable: '適用',
    notApplicable: '対象外',
    file: 'ファイル',
    uploaded: '登録日',
    components: 'コンポーネント数',
    triage: 'トリアージ',
    notTriaged: '未トリアージ',
    severity: '深刻度',
    doc: 'EU 適合宣言書（ドラフト）',
    docNote:
      '【ドラフト — 製造者が記入して完成させる】この宣言書は tebiki が分かる事項だけを記入した下書きです。署名するのは製造者であり、tebiki の出力には法的な効力はありません。',
    d1: '1. 製品（名称、型式、バッチまたはシリアル番号など識別情報）',
    d2: '2. 製造者（または認定代理人）の名称と住所',
    d3: '3. この宣言は製造者の単独の責任で発行する旨',
    d3Text: 'この EU 適合宣言書は、製造者の単独の責任において発行する。',
    d4: '4. 宣言の対象（追跡できる識別情報。必要なら写真を含む）',
    d5: '5. 対象が関連する EU 法令に適合している旨',
    d5Text: '上記の対象は、規則 (EU) 2024/2847 およびその他の関連する EU 整合法令に適合している。',
    d6: '6. 適用した整合規格、共通仕様または認証スキームの参照',
    d7: '7. 該当する場合：ノーティファイドボディ（名称・番号）、適合性評価の手続きと証明書',
    d8: '8. 追加情報：署名者（氏名・役職）、発行場所と日付、署名',
  },
  en: {
    outline: 'CRA technical documentation outline (draft)',
    makerNote:
      '[DRAFT] This outline is drafted from the assessment. The manufacturer completes and checks it. Places marked "(to be completed by the manufacturer)" are what tebiki does not know.',
    toComplete: '(to be completed by the manufacturer)',
    s1: '1. General description of the product',
    s1Purpose: 'Intended purpose',
    s1Versions: 'Versions of software affecting security',
    s1Manual: 'User information and instructions',
    s2: '2. Design, development, production and vulnerability handling processes',
    s2Text: 'Design and development were checked with the guidebook’s items for every phase (planning to disposal). Verdicts in the assessment:',
    s3: '3. Summary of the cybersecurity risk assessment',
    s3Text: 'The risk assessment followed the guidebook’s threat categories and items; each Annex I requirement below shows its result and the evidence.',
    s4: '4. Annex I Part I: applicability and how each is met through the guidebook',
    s5: '5. Annex I Part II: vulnerability handling',
    s5Sbom: 'Software bill of materials (SBOM)',
    s5Vulns: 'Known vulnerabilities and their triage',
    s5NoSbom: 'No SBOM is registered.',
    s5NoVulns: 'No known vulnerability was matched.',
    s6: '6. Support period',
    release: 'Release date',
    supportEnd: 'End of security support',
    s7: '7. Standards and specifications applied',
    s7Text: 'Through the guidebook edition and its mappings, the following standards were referred to.',
    s8: '8. Test reports',
    s8Text: 'The assessment (its results and content hash) and the evidence files attached to it support the test reports.',
    s9: '9. EU declaration of conformity',
    s9Text: 'See the enclosed draft EU declaration of conformity.',
    applicable: 'Applicable',
    notApplicable: 'Not applicable',
    file: 'File',
    uploaded: 'Uploaded',
    components: 'Components',
    triage: 'Triage',
    notTriaged: 'not triaged',
    severity: 'Severity',
    doc: 'EU declaration of conformity (draft)',
    docNote:
      '[DRAFT — the manufacturer completes it] tebiki has filled in only what it knows. The manufacturer signs the declaration; tebiki’s output has no legal force.',
    d1: '1. Product (name, type, batch or serial number or other identification)',
    d2: '2. Name and address of the manufacturer (or its authorised representative)',
    d3: '3. That the declaration is issued under the sole responsibility of the manufacturer',
    d3Text: 'This EU declaration of conformity is issued under the sole responsibility of the manufacturer.',
    d4: '4. Object of the declaration (identification allowing traceability, a photo where useful)',
    d5: '5. That the object conforms to the relevant Union legislation',
    d5Text: 'The object described above conforms to Regulation (EU) 2024/2847 and to other relevant Union harmonisation legislation.',
    d6: '6. References to harmonised standards, common specifications or certification schemes applied',
    d7: '7. Where applicable: notified body (name, number), conformity assessment procedure and certificate',
    d8: '8. Additional information: signed for and on behalf of (name, function), place and date of issue, signature',
  },
} as const;

function requirementTable(ctx: PackCtx, rows: readonly CraRequirementRow[], t: (typeof T)['ja' | 'en']): SafeHtml {
  const { L, lang } = ctx;
  return html`<table>
<thead><tr><th>${L.requirement}</th><th>${L.title}</th><th>${t.applicable}</th><th>${L.result}</th></tr></thead>
<tbody>${rows.map(
    (
      r,
    ) => html`<tr id="cra-${r.id}"><td class="nowrap">${r.id}</td><td>${pick(r.title, lang)}</td><td>${r.applicable ? t.applicable : t.notApplicable}</td><td>${resultBadge(lang, r.result)}</td></tr>
${evidenceRow(ctx, 3, r)}`,
  )}</tbody></table>`;
}

/** The technical documentation outline, following Annex VII's order in our own words. */
export function craOutlineBody(ctx: PackCtx, pack: CraPack): SafeHtml {
  const { L, lang } = ctx;
  const t = T[lang];
  const h = pack.header;
  const f = pack.facts;
  const pv = f.productVersion;
  return html`<p class="banner" role="note">${t.makerNote}</p>
<section class="part" id="s1"><h2>${t.s1}</h2>
<dl><dt>${L.product}</dt><dd>${h.product.name}</dd><dt>${L.model}</dt><dd>${h.product.model ?? t.toComplete}</dd>
<dt>${L.version}</dt><dd>${h.product.version ?? t.toComplete}</dd><dt>${t.s1Purpose}</dt><dd>${t.toComplete}</dd>
<dt>${t.s1Versions}</dt><dd>${t.toComplete}</dd><dt>${t.s1Manual}</dt><dd>${t.toComplete}</dd></dl></section>
<section id="s2"><h2>${t.s2}</h2><p>${t.s2Text}</p>
<ul>${VERDICTS.map((v) => html`<li>${pick(VERDICT_LABELS[v], lang)}: ${pack.verdictCounts[v]}</li>`)}</ul><p>${t.toComplete}</p></section>
<section id="s3"><h2>${t.s3}</h2><p>${t.s3Text}</p><p>${t.toComplete}</p></section>
<section class="part" id="s4"><h2>${t.s4}</h2>${requirementTable(ctx, pack.partI, t)}</section>
<section class="part" id="s5"><h2>${t.s5}</h2>${requirementTable(ctx, pack.partII, t)}
<h3>${t.s5Sbom}</h3>${
    f.sboms.length === 0
      ? html`<p>${t.s5NoSbom}</p>`
      : html`<table><thead><tr><th>${t.file}</th><th>${t.uploaded}</th><th>${t.components}</th><th>SHA-256</th></tr></thead><tbody>${f.sboms.map(
          (s) =>
            html`<tr><td>${s.filename} (${s.format} ${s.specVersion})</td><td class="nowrap">${s.uploadedAt.slice(0, 10)}</td><td class="numeric">${s.components}</td><td class="hash">${s.sha256}</td></tr>`,
        )}</tbody></table>`
  }
<h3>${t.s5Vulns}</h3>${
    f.vulnerabilities.length === 0
      ? html`<p>${t.s5NoVulns}</p>`
      : html`<table><thead><tr><th>ID</th><th>${t.severity}</th><th>${t.triage}</th></tr></thead><tbody>${f.vulnerabilities.map(
          (v) => html`<tr><td>${v.id}</td><td>${v.severity ?? '—'}</td><td>${v.status ?? t.notTriaged}</td></tr>`,
        )}</tbody></table>`
  }</section>
<section id="s6"><h2>${t.s6}</h2><dl><dt>${t.release}</dt><dd>${pv?.releaseDate ?? t.toComplete}</dd><dt>${t.supportEnd}</dt><dd>${pv?.supportEnd ?? t.toComplete}</dd></dl></section>
<section id="s7"><h2>${t.s7}</h2><p>${t.s7Text}</p><ul>${pack.standardsApplied.map((s) => html`<li>${pick(s.title, lang)} (${s.version})</li>`)}</ul></section>
<section id="s8"><h2>${t.s8}</h2><p>${t.s8Text}</p><p>${L.assessment}: ${h.assessment.title} (${h.assessment.id})${
    h.assessment.contentHash ? html` — <span class="hash">sha256:${h.assessment.contentHash}</span>` : ''
  }</p><p class="note">${L.evidenceFiles}</p></section>
<section id="s9"><h2>${t.s9}</h2><p>${t.s9Text}</p></section>`;
}

/** The draft EU declaration of conformity, item by item as Annex V lists them, in our own words. */
export function craDeclarationBody(ctx: PackCtx, pack: CraPack): SafeHtml {
  const { lang } = ctx;
  const t = T[lang];
  const h = pack.header;
  const item = (title: string, body: SafeHtml | string) => html`<section class="doc-item"><h3>${title}</h3><p class="text">${body}</p></section>`;
  const product = [h.product.name, h.product.model, h.product.version].filter(Boolean).join(' / ');
  return html`<p class="banner" role="note">${t.docNote}</p>
<h2>${t.doc}</h2>
${item(t.d1, `${product} ${t.toComplete}`)}
${item(t.d2, `${h.organisation.name} ${t.toComplete}`)}
${item(t.d3, t.d3Text)}
${item(t.d4, `${product} ${t.toComplete}`)}
${item(t.d5, t.d5Text)}
${item(t.d6, `${pack.standardsApplied.map((s) => `${pick(s.title, lang)} (${s.version})`).join('; ')} ${t.toComplete}`)}
${item(t.d7, t.toComplete)}
${item(t.d8, t.toComplete)}`;
}

export function craTitles(lang: 'ja' | 'en'): { outline: string; declaration: string } {
  return { outline: T[lang].outline, declaration: T[lang].doc };
}
