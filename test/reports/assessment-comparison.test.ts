import { describe, expect, it } from 'vitest';
import { renderComparisonHtml } from '../../src/reports/assessment/assessment-html.js';
import { comparison, HOSTILE, visible } from './assessment-fixtures.js';

describe('renderComparisonHtml', () => {
  it('ja: both sides, the change counts, scores side by side with the difference, items with the change marked', () => {
    const doc = renderComparisonHtml(comparison(), 'ja');
    expect(doc).toContain('<html lang="ja">');
    expect(doc).not.toMatch(/<script|<link|\ssrc=/i);
    const text = visible(doc);
    expect(text).toContain('診断の比較');
    expect(text).toContain('比較元 改修前の診断 2026.1 2026-03-05 12:00 UTC asm-0001');
    expect(text).toContain('比較先 改修後の診断 2026.1 — asm-0002');
    expect(text).toContain('改善 悪化 判定が変わった 追加 削除 変化なし 1 1 0 1 0 1');
    expect(text).toContain('全体 37.5% 87.5% +50.0');
    expect(text).toContain('デバイス 37.5% 37.5% 0.0');
    expect(doc).toMatch(/<tr class="c-improved"><td class="nowrap">D-3\.4<\/td>.*不適合.*適合.*<strong>改善<\/strong>/);
    expect(doc).toMatch(/<tr class="c-regressed"><td class="nowrap">D-5\.1<\/td>.*<strong>悪化<\/strong>/);
    expect(doc).toMatch(/<tr class="c-added"><td class="nowrap">D-9\.9<\/td><td>新しい項目<\/td><td>—<\/td>/);
  });

  it('en: English wording; titles escaped', () => {
    const cmp = comparison();
    cmp.before.title = HOSTILE;
    const doc = renderComparisonHtml(cmp, 'en');
    expect(doc).not.toContain('<script');
    const text = visible(doc);
    expect(text).toContain(`Before ${HOSTILE}`);
    for (const s of ['Comparison of assessments', 'Improved', 'Regressed', 'Scores side by side', 'Changes by item', 'Secure update'])
      expect(text, s).toContain(s);
    expect(text).not.toContain('改善');
  });
});
