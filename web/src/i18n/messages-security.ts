import { PASSWORD_REASONS } from '../../../src/core/password-reasons.js';
import type { Lang } from './messages.js';

/**
 * The UI-language text of a security field-error code (why a password was
 * refused). One catalog with the server: src/core/password-reasons.ts.
 */
export function securityReasonText(lang: Lang, code: string | undefined): string | undefined {
  if (!code || !Object.hasOwn(PASSWORD_REASONS, code)) return undefined;
  return PASSWORD_REASONS[code as keyof typeof PASSWORD_REASONS][lang];
}
