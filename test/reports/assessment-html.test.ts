import { describe, expect, it } from 'vitest';
import { renderAssessmentReportHtml } from '../../src/reports/assessment/assessment-html.js';
import { finalData, HOSTILE, hostileData, reportData, visible } from './assessment-fixtures.js';

describe('renderAssessmentReportHtml', () => {
  it('ja: a self-contained document with every section in Japanese', () => {
    const doc = renderAssessmentReportHtml(reportData(), 'ja');
    expect(doc).toMatch(/^<!doctype html>\n<html lang="ja">/);
    for (const id of ['cover', 'scope', 'summary', 'readiness', 'derived', 'items']) expect(doc, id).toContain(`id="${id}"`);
    const text = visible(doc);
    for (const s of [
      '診断報告書',
      '株式会社テスト',
      'スマートカメラ X1',
      '1.4.2',
      'IoTセキュリティ手引書 2026年版 (2026.1, 2026-01-15)',
      '診断 花子',
      '診断中',
      '結果の概要',
      'レイヤー別のスコア',
      'フェーズ別のスコア',
      '脅威のカテゴリ別のスコア',
      '適合の見通し',
      'JC-STAR ★1',
      '標準ごとの結果',
      '部分的な根拠のみ',
      '項目別の結果',
      '項番',
      '根拠・エビデンス',
      '備考',
      '添付ファイル',
      '項目への指摘',
      '不明確',
      '手順が曖昧',
      '項目が変更された',
      'デバッグポートを持たない',
    ])
      expect(text, s).toContain(s);
    // Attachments by name, size and a short sha256.
    expect(text).toContain('設計書.pdf (200.0 KiB, sha256 a3f1c2d4e5b6 )');
    // No script, no external resource.
    expect(doc).not.toMatch(/<script|<link|<img|\ssrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  });

  it('en: the same sections in English, Japanese wording gone', () => {
    const doc = renderAssessmentReportHtml(reportData(), 'en');
    expect(doc).toContain('<html lang="en">');
    const text = visible(doc);
    for (const s of [
      'Assessment report',
      'Organisation',
      'Summary',
      'Score by layer',
      'Readiness',
      'Results per standard',
      'Partial evidence only',
      'Results by item',
      'Evidence',
      'Attachments',
      'Unclear',
      'Item changed',
      'DRAFT',
    ])
      expect(text, s).toContain(s);
    for (const s of ['結果の概要', '根拠・エビデンス', '部分的な根拠のみ', '判定の内訳']) expect(text, s).not.toContain(s);
  });

  it('summary: SVG charts with titles and the numbers, the same numbers in tables', () => {
    const doc = renderAssessmentReportHtml(reportData(), 'ja');
    const svgs = doc.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(4); // verdicts, layer, phase, threat category
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img" aria-labelledby="[^"]+-t [^"]+-d"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
    }
    const [donut, layers] = svgs as [string, string];
    expect(donut).toContain('<desc id="chart-verdicts-d">適合 1, 一部適合 1, 不適合 1, 対象外 1, 未評価 1, 要確認 0</desc>');
    expect(donut).toContain('>5</text>'); // the total in the middle
    expect(layers).toContain('デバイス 37.5%, クラウド 対象なし');
    expect(layers).toContain('>37.5%</text>');
    // Bar length = score × 330.
    expect(layers).toContain('width="123.75"');
    // The text alternative: a table with counts and scores.
    const text = visible(doc);
    expect(text).toMatch(/全体 1 1 1 1 1 0 5 37\.5% 80\.0%/);
    expect(text).toMatch(/デバイス 1 1 1 1 1 0 5 37\.5% 80\.0%/);
  });

  it('draft: a visible DRAFT / 未確定 banner and page mark, no content hash', () => {
    const doc = renderAssessmentReportHtml(reportData(), 'ja');
    expect(doc).toContain('<p class="banner" role="note">未確定（DRAFT）');
    expect(doc).toContain('content: "未確定 DRAFT"');
    expect(doc).not.toContain('内容のハッシュ');
  });

  it('final: the content hash and no banner', () => {
    const data = finalData();
    const doc = renderAssessmentReportHtml(data, 'ja');
    expect(doc).not.toContain('class="banner"');
    expect(doc).not.toContain('DRAFT');
    expect(visible(doc)).toContain(`内容のハッシュ（SHA-256） ${data.assessment.contentHash}`);
    expect(visible(doc)).toContain('確定日時 2026-03-05 12:00 UTC');
  });

  it('escapes hostile text in every field a user types', () => {
    for (const lang of ['ja', 'en'] as const) {
      const doc = renderAssessmentReportHtml(hostileData(), lang);
      expect(doc).not.toContain('<script');
      expect(doc).not.toContain('<img');
      expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; camera');
      expect(doc).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      const text = visible(doc);
      for (const s of [`${HOSTILE} camera`, `${HOSTILE} corp`, `${HOSTILE} title`, `${HOSTILE} evidence`, `${HOSTILE} comment`, `${HOSTILE}.pdf`])
        expect(text, s).toContain(s);
    }
  });
});
