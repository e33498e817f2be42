import type { Locator } from 'playwright-core';

function normalise(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of one element, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return normalise(await locator.textContent());
}

/** The texts of every matching element, in order. */
export async function textsOf(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map(normalise);
}
