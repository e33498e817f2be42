/**
 * The port through which services read which check evidences which guidebook
 * requirement (content/checks/*.yaml, maintained by the editors). The content
 * loader implements it; tests give fixed links.
 */
import type { CheckLink } from '../../core/evidence/finding.types.js';

export interface CheckLinksProvider {
  links(): Promise<readonly CheckLink[]>;
}
