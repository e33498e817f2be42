/** What every firmware check receives, and the one way they build findings. */
import { checkById } from '../../core/evidence/check-catalog.js';
import type { Finding, FindingVerdict } from '../../core/evidence/finding.types.js';
import type { Localized } from '../../core/model/edition.schema.js';
import type { FirmwareImage } from '../firmware-image.js';

/** Default credentials the vendor declares for the product (`--defaults FILE`). */
export interface DeclaredDefaults {
  /** `user:password` pairs; a password without a user applies to every account. */
  credentials: { user: string | null; password: string }[];
}

export interface CheckContext {
  image: FirmwareImage;
  defaults: DeclaredDefaults;
  /** When the analysis ran: the findings' own time, and "now" for certificate expiry. */
  at: string;
}

export function finding(check: string, target: string, verdict: FindingVerdict, summary: Localized, evidence: Record<string, unknown>, at: string): Finding {
  const definition = checkById(check);
  if (!definition) throw new Error(`unknown check ${check}`);
  return { check, checkVersion: definition.version, target, verdict, summary, evidence, at };
}

/**
 * The findings of one check as it walks the image: one for each file it has
 * something to say about, else a single one at the image's root (`/`), such
 * as a pass that says what was scanned.
 */
export function checkFindings(check: string, at: string) {
  const findings: Finding[] = [];
  return {
    add(target: string, verdict: FindingVerdict, summary: Localized, evidence: Record<string, unknown>): void {
      findings.push(finding(check, target, verdict, summary, evidence, at));
    },
    /** The findings added, or the one at `/` when none was. */
    orAtRoot(verdict: FindingVerdict, summary: Localized, evidence: Record<string, unknown>): Finding[] {
      return findings.length > 0 ? findings : [finding(check, '/', verdict, summary, evidence, at)];
    },
  };
}

/** A secret shown without any of its characters: its length and a short hash to tell two apart. */
export function mask(secret: string): string {
  return `•••• (${secret.length} chars)`;
}

/** Parses a defaults file: one `user:password` or `password` a line, `#` comments. */
export function parseDefaults(text: string): DeclaredDefaults {
  const credentials: DeclaredDefaults['credentials'] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    credentials.push(colon > 0 ? { user: line.slice(0, colon), password: line.slice(colon + 1) } : { user: null, password: line });
  }
  return { credentials };
}
