import type { CheckLink } from '../core/evidence/finding.types.js';
import type { CheckLinksProvider } from '../services/ports/check-links.js';
import { loadCheckLinks } from './load-check-links.js';

/**
 * The content's check links (content/checks/*.yaml) for the services, read once:
 * the content directory does not change under a running server. Files with
 * problems contribute no links; `bin/tebiki validate` names the problems.
 */
export function contentCheckLinks(contentDir: string): CheckLinksProvider {
  let links: readonly CheckLink[] | undefined;
  return {
    links: async () => {
      links ??= loadCheckLinks(contentDir).links;
      return links;
    },
  };
}
