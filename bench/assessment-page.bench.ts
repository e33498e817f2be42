import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';
import type { ChecksheetItem } from '../src/core/assessment/checksheet.types.js';
import { VERDICTS } from '../src/core/assessment/verdicts.js';
import { buildApp } from '../src/server/app.js';
import { snapshotOf } from '../src/services/assessment-records.js';
import { insertAssessment } from '../src/store/assessments.repository.js';
import type { Db } from '../src/store/database.js';
import { assessmentBenchStore, benchAnswerRow, benchAssessmentRow } from './lib/assessment-store.js';
import { report } from './lib/harness.js';
import { adminCookie } from './results.bench.js';

/**
 * Issue 14: time from navigation to an interactive assessment page (the table
 * and the pane shown, and a key press answered: j moves the pane to the next
 * item) with 177 and with 1,000 items, beside an empty page of the app (the
 * not-found page: same bundle, same session check) in the same run and browser.
 */
export async function assessmentPageBench(options: { runs: number }) {
  const browser = await launchBrowser();
  if (!browser) {
    console.log('assessment page: skipped (no chromium)');
    return [];
  }
  const { dir, store, ctx, items: all, at } = await assessmentBenchStore('tebiki-bench-page-', 1000);
  try {
    const small = await seed(store.db, all.slice(0, 177), at);
    const large = await seed(store.db, all.slice(0, 1000), at);

    const server = await buildApp({ ctx, webDir: join(import.meta.dirname, '..', 'dist', 'web') });
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = server.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const cookies = (await adminCookie(ctx, base)).split('; ').map((pair) => {
        const [name = '', value = ''] = pair.split('=');
        return { name, value, url: base };
      });
      const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 900 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const empty = () => timed(page, `${base}/no-such-page`, async () => page.getByRole('heading', { level: 1 }).waitFor());
      const assessment = (id: string) =>
        timed(page, `${base}/assessments/${id}`, async () => {
          await page.locator('.item-table tr.item-row').first().waitFor();
          const first = await page.locator('section.item-pane h2 .item-number').textContent();
          await page.keyboard.press('j');
          await page
            .locator('section.item-pane h2 .item-number')
            .filter({ hasNotText: first ?? '' })
            .waitFor();
        });
      // Warm-up: the bundle is cached after the first load, as for a person who works all day.
      await empty();
      await assessment(small);
      const median = async (f: () => Promise<number>) => {
        const xs: number[] = [];
        for (let i = 0; i < options.runs; i++) xs.push(await f());
        return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      };
      const baseline = await median(empty);
      const results = [
        report('assessment page, 177 items, navigation → interactive', await median(() => assessment(small)), 'ms', 'empty page of the app', baseline),
        report('assessment page, 1,000 items, navigation → interactive', await median(() => assessment(large)), 'ms', 'empty page of the app', baseline),
      ];
      // Working in it: one key press (next item), on the page just loaded (1,000 items) and on the 177-item page.
      const keyLarge = await median(() => keyResponse(page));
      await assessment(small);
      const keySmall = await median(() => keyResponse(page));
      results.push(report('key j → next item shown, 1,000 items', keyLarge, 'ms', 'the same with 177 items', keySmall));
      await context.close();
      return results;
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Inside the page: from the key event to the next frame after the pane shows
 * another item (no round trip to the test process in it).
 */
async function keyResponse(page: Page): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    new MutationObserver((_, observer) => {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    }).observe(document.querySelector('.workspace-pane'), { subtree: true, childList: true, characterData: true });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
  })`)) as number;
}

async function timed(page: Page, url: string, ready: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await page.goto(url);
  await ready();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** An in-progress assessment of these items, half of them answered. */
async function seed(db: Db, items: ChecksheetItem[], at: string): Promise<string> {
  const id = randomUUID();
  const snapshot = snapshotOf(items);
  const answers = items.map((item, i) => benchAnswerRow(id, item, i % 2 === 0 ? (VERDICTS[i % 4] ?? 'pass') : 'unassessed', at));
  await insertAssessment(db, benchAssessmentRow(id, `診断 ${items.length} 項目`, snapshot.hash, at), snapshot, answers);
  return id;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await assessmentPageBench({ runs: Number(process.argv[2] ?? 5) });
}
