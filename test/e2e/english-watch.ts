import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ERROR_CATALOG, FIELD_ERROR_CATALOG } from '../../src/core/errors.js';
import { messages } from '../../web/src/i18n/messages.js';

/** An error code of the server's catalog. */
export type Code = keyof typeof ERROR_CATALOG;

/** What `englishWatch` collects: the English texts to look for, and each error answer as `status code`. */
export interface EnglishWatch {
  texts: Set<string>;
  seen: string[];
}

/** Every English text the server sent in an error answer to this page, and the catalogs' own wordings. */
export function englishWatch(page: Page): EnglishWatch {
  const texts = new Set<string>([...Object.values(ERROR_CATALOG), ...Object.values(FIELD_ERROR_CATALOG)]);
  const seen: string[] = [];
  page.on('response', async (response) => {
    if (response.status() < 400 || !(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      const body = (await response.json()) as { code?: string; title?: string; detail?: string; errors?: { message: string }[] };
      if (body.code) seen.push(`${response.status()} ${body.code}`);
      for (const text of [body.title, body.detail, ...(body.errors ?? []).map((e) => e.message)]) if (text && text.length > 3) texts.add(text);
    } catch {
      // Not a problem document.
    }
  });
  return { texts, seen };
}

/** The page's visible text holds none of the server's English sentences. */
export async function expectNoEnglish(page: Page, watch: EnglishWatch): Promise<void> {
  await page.locator('html[lang="ja"]').waitFor({ state: 'attached' });
  const shown = ((await page.locator('body').textContent()) ?? '').toLowerCase();
  const found = [...watch.texts].filter((text) => shown.includes(text.toLowerCase()));
  expect(found, `English server text on ${page.url()}`).toEqual([]);
}

/** The page shows the Japanese wording of this code somewhere. */
export async function showsProblem(page: Page, code: Code): Promise<void> {
  await page.getByText(messages.ja.problems[code]).first().waitFor();
}
