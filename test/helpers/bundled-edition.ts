import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import type { Edition } from '../../src/core/model/edition.schema.js';

/** The edition bundled in content/, read afresh on each call (a test may change its copy); an error when it does not load. */
export function bundledEdition(): Edition {
  const r = loadContent(defaultContentDir());
  if (!r.ok) throw new Error('bundled content must be valid');
  return r.edition;
}
