import { renderPdf } from '../pdf-browser.js';

export { ChromiumMissingError, chromiumPath } from '../pdf-browser.js';

/**
 * Renders the guidebook HTML to PDF through the process's shared Chromium
 * (Debian's chromium; Japanese glyphs from fonts-noto-cjk).
 */
export function renderGuidebookPdf(document: string): Promise<Buffer> {
  return renderPdf(document);
}
