import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { packMessages } from '../../web/src/i18n/messages-packs.js';
import type { Person, Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';

/**
 * A final JC-STAR ★1 assessment of org A's product: its member sees the
 * self-check's gaps on the assessment page and downloads the draft pack; a
 * member of another organisation gets 404 for the pack.
 */
const m = packMessages.ja;
const assessor: Person = { email: 'as@example.jp', displayName: '診断員', role: 'assessor' };
const memberA: Person = { email: 'a@example.jp', displayName: '会員 A', role: 'member' };
const memberB: Person = { email: 'b@example.jp', displayName: '会員 B', role: 'member' };

interface View {
  id: string;
  version: number;
  items: { requirementId: string; no: string }[];
  answers: { requirementId: string; version: number }[];
}

describe('conformity pack from the assessment page', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let assessmentId = '';

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform({ email: 'admin@example.jp', displayName: '管理者' }));
    if (!platform) return;
    const p = platform;
    const orgA = await p.createOrganisation('エー電機株式会社');
    const orgB = await p.createOrganisation('ビー工業合同会社');
    const product = await p.createProduct(orgA, { name: 'カメラ' });
    await p.adminApi('POST', `/api/products/${product}/versions`, { version: '1.0', releaseDate: '2026-04-01', supportEnd: '2031-03-31' });
    await p.createUser(assessor, null);
    await p.createUser(memberA, orgA);
    await p.createUser(memberB, orgB);
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok) throw new Error('bundled content');
    const as = await p.loginAs(assessor);
    const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
      const r = await p.call(as, method, path, body);
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      return r.body as T;
    };
    const created = await call<View>('POST', '/api/assessments', {
      productId: product,
      title: 'JC-STAR 申請前の診断',
      productVersion: '1.0',
      editionId: loaded.edition.meta.id,
      spec: { layers: [], phases: [], profile: null, standard: 'jc-star-1' },
    });
    assessmentId = created.id;
    for (const item of created.items) {
      const verdict = item.no === 'D-7.2' ? 'fail' : item.no === 'E-1.1' ? 'not-applicable' : 'pass';
      await call('PUT', `/api/assessments/${created.id}/answers/${item.requirementId}`, {
        verdict,
        evidence: `${item.no} を確認した`,
        comment: verdict === 'not-applicable' ? '廃棄を想定しない' : '',
        version: created.answers.find((a) => a.requirementId === item.requirementId)?.version ?? 0,
      });
    }
    for (const to of ['in-review', 'final']) {
      const { version } = await call<View>('GET', `/api/assessments/${created.id}`);
      await call('POST', `/api/assessments/${created.id}/status`, { to, version });
    }
  }, 240_000);
  afterAll(() => closeJourney(platform, browser));

  it('the member sees the gaps and downloads the draft JC-STAR ★1 pack; another organisation gets 404', { timeout: 180_000 }, async (ctx) => {
    if (!platform) return ctx.skip();
    const page: Page = await platform.loginAs(memberA);
    await page.goto(platform.url(`/assessments/${assessmentId}`));
    const panel = page.getByRole('region', { name: m.title });
    await panel.getByText(m.draft(10)).waitFor({ timeout: 60_000 });
    await panel.getByText('S1.1-09: 要件の内容が原典で未確認（確認待ち）のため、満たしているかを判断できません。').waitFor();
    await panel.getByLabel(m.lang).selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), panel.getByRole('link', { name: m.download }).click()]);
    expect(download.suggestedFilename()).toBe(`tebiki-pack-jc-star-1-en-${assessmentId}-DRAFT.zip`);
    const zip = await JSZip.loadAsync(readFileSync((await download.path()) ?? ''));
    expect(Object.keys(zip.files).sort()).toEqual(['SHA256SUMS', 'jc-star-1-en-DRAFT.json', 'jc-star-1-en-DRAFT.pdf', 'jc-star-1-en-DRAFT.xlsx']);

    const other = await platform.loginAs(memberB);
    expect((await platform.call(other, 'GET', `/api/assessments/${assessmentId}/pack?scheme=jc-star-1&lang=ja`)).status).toBe(404);
    expect(platform.problems).toEqual([]);
  });
});
