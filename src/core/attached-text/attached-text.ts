import type { Standard, StandardNode } from '../model/edition.schema.js';

/**
 * A publisher's own requirement text attached to a bundled standard (issue 16).
 * The repository carries ids and our own titles only; this text comes from a
 * catalog an operator imports, is stored in the database, and is shown only
 * where the standard's catalog allows it (`attachedText` in content/standards).
 */

/** One paragraph of a statement with its lettered / numbered sub-items, as the publication shows them. */
export interface StatementPart {
  /** "a", "1", …; absent for the statement's own lead text. */
  label?: string;
  text: string;
  items?: StatementPart[];
}

/** Where NIST says a withdrawn requirement went (`incorporated_into`, `addressed_by`, `moved_to`). */
export interface Withdrawal {
  relation: string;
  targets: string[];
}

export interface RequirementText {
  requirementId: string;
  /** Empty for a withdrawn requirement. */
  statement: StatementPart;
  discussion?: string;
  withdrawal?: Withdrawal;
}

/** What identifies the catalog the text came from. */
export interface CatalogSource {
  title: string;
  version: string;
  published?: string;
  canonicalUrl?: string;
  oscalVersion: string;
  fileName: string;
}

export interface AttachedCatalog {
  standardId: string;
  /** The standard's citation rule joined with the catalog's own title and version. */
  citation: string;
  source: CatalogSource;
  attachedAt: string;
  texts: RequirementText[];
}

/** The statement as plain text: lead text, then "a. …", "1. …" lines indented by depth. */
export function statementText(part: StatementPart, depth = 0): string {
  const own = part.label !== undefined ? `${'  '.repeat(Math.max(0, depth - 1))}${part.label}. ${part.text}` : part.text;
  const lines = [own, ...(part.items ?? []).map((item) => statementText(item, depth + 1))];
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** Whether a standard's catalog allows showing attached publisher text. */
export function attachedTextAllowed(standard: Standard): boolean {
  return standard.attachedText?.allowed === true;
}

/** The full citation shown beside attached text. */
export function citationOf(standard: Standard, source: CatalogSource): string {
  const rule = standard.attachedText?.citation ?? standard.title.en;
  const when = source.published ? `, ${source.published.slice(0, 10)}` : '';
  return `${rule}. Text from the OSCAL catalog "${source.title}", version ${source.version}${when}.`;
}

export interface IdMismatch {
  /** Ids in the catalog that the bundled standard does not have. */
  notInStandard: string[];
  /** Requirements of the bundled standard that the catalog does not have. */
  missingFromCatalog: string[];
}

/** Compares the catalog's requirement ids with the standard's requirement nodes (withdrawn ones included). */
export function compareIds(standard: Standard, catalogIds: readonly string[]): IdMismatch {
  const ours = new Set(requirementIds(standard.requirements));
  const theirs = new Set(catalogIds);
  return {
    notInStandard: catalogIds.filter((id) => !ours.has(id)),
    missingFromCatalog: [...ours].filter((id) => !theirs.has(id)),
  };
}

/** Every node of kind requirement, in tree order. */
export function requirementIds(nodes: readonly StandardNode[]): string[] {
  return nodes.flatMap((n) => [...(n.kind === 'requirement' ? [n.id] : []), ...requirementIds(n.children ?? [])]);
}
