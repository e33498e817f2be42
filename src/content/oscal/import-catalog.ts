import { reason } from '../../core/errors.js';
import { codeOfIssue } from '../../core/zod-field-errors.js';
import { Standard, type StandardNode } from '../../core/model/edition.schema.js';
import { type InputProblem, readOscalDocument } from './read-oscal-document.js';

export interface ImportedCatalog {
  standard: Standard;
  counts: { groups: number; requirements: number; withdrawn: number };
}

export type CatalogImport = { ok: true; catalog: ImportedCatalog } | { ok: false; problems: InputProblem[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);
const textOf = (v: unknown): string => (typeof v === 'string' ? v : isObj(v) && typeof v['#text'] === 'string' ? v['#text'] : '').replace(/\s+/g, ' ').trim();

/**
 * Turns an OSCAL catalog (JSON or XML; OSCAL 1.0 to 1.2) into a standard that
 * can be mapped to and measured like a bundled one. Copes with real data:
 * group ids that are not tokens (rev2 community catalog), statements nested as
 * child controls of class security_requirement (rev3 XML, not separate
 * requirements), withdrawn controls kept and marked. Problems name the JSON
 * pointer (or the XML line); nothing partial is returned.
 */
export function importOscalCatalog(text: string, fileName: string, options: { id?: string } = {}): CatalogImport {
  const read = readOscalDocument(text, fileName);
  if (!read.ok) return read;
  const catalog = read.document.catalog;
  if (!isObj(catalog))
    return { ok: false, problems: [{ where: '/catalog', message: 'missing: the document has no catalog (is it an OSCAL catalog?)', ...reason('no-catalog') }] };
  const problems: InputProblem[] = [];
  const metadata = isObj(catalog.metadata) ? catalog.metadata : undefined;
  const title = textOf(metadata?.title);
  if (!title) problems.push({ where: '/catalog/metadata/title', message: 'missing: a catalog needs a title', ...reason('required', { field: 'title' }) });
  const counts = { groups: 0, requirements: 0, withdrawn: 0 };

  const convertControl = (c: Obj, pointer: string, depth: number): StandardNode | null => {
    const id = identifierOf(c) ?? (typeof c.id === 'string' ? c.id : undefined);
    if (!id) {
      problems.push({ where: `${pointer}/id`, message: 'missing: a control needs an id', ...reason('required', { field: 'id' }) });
      return null;
    }
    const withdrawn = propValue(c, 'status') === 'withdrawn';
    const children = list(c.controls)
      .map((child, i) => ({ child, i }))
      .filter(({ child }) => child.class !== 'security_requirement') // rev3: the statement, not a requirement
      .map(({ child, i }) => convertControl(child, `${pointer}/controls/${i}`, depth + 1))
      .filter((n): n is StandardNode => n !== null);
    if (withdrawn) counts.withdrawn += 1;
    else if (depth === 0) counts.requirements += 1;
    const name = textOf(c.title) || id;
    const movedTo = list(c.links)
      .map((l) => (typeof l.href === 'string' ? l.href.replace(/^#/, '') : ''))
      .filter(Boolean);
    const label = withdrawn && name === id ? `Withdrawn${movedTo.length ? `: see ${movedTo.join(', ')}` : ''}` : name;
    return {
      id,
      kind: depth === 0 ? 'requirement' : 'enhancement',
      title: { ja: label, en: label },
      ...(withdrawn ? { status: 'withdrawn' as const } : {}),
      ...(children.length ? { children } : {}),
    };
  };

  const convertGroup = (g: Obj, pointer: string): StandardNode => {
    counts.groups += 1;
    const id = identifierOf(g) ?? (typeof g.id === 'string' && g.id.trim() ? g.id.trim() : `group-${counts.groups}`);
    const name = textOf(g.title) || id;
    const children = [
      ...list(g.groups).map((sub, i) => convertGroup(sub, `${pointer}/groups/${i}`)),
      ...list(g.controls)
        .map((c, i) => convertControl(c, `${pointer}/controls/${i}`, 0))
        .filter((n): n is StandardNode => n !== null),
    ];
    return { id, kind: 'group', title: { ja: name, en: name }, children };
  };

  const nodes = [
    ...list(catalog.groups).map((g, i) => convertGroup(g, `/catalog/groups/${i}`)),
    ...list(catalog.controls)
      .map((c, i) => convertControl(c, `/catalog/controls/${i}`, 0))
      .filter((n): n is StandardNode => n !== null),
  ];
  if (nodes.length === 0) problems.push({ where: '/catalog', message: 'the catalog has no groups and no controls', ...reason('no-controls') });
  if (problems.length) return { ok: false, problems };

  const candidate = {
    id: options.id ?? deriveId(metadata, title),
    title: { ja: title, en: title },
    version: textOf(metadata?.version) || 'unknown',
    publisher: partyName(metadata) ?? 'unknown',
    licence: { ja: 'インポートしたカタログの記載に従う', en: 'As stated by the imported catalog' },
    source: `imported from ${fileName} (OSCAL ${textOf(metadata?.['oscal-version']) || 'unknown version'})`,
    confidence: 'verified' as const,
    requirements: nodes,
  };
  const parsed = Standard.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ where: `/${i.path.join('/')}`, message: i.message, code: codeOfIssue(i) })) };
  }
  return { ok: true, catalog: { standard: parsed.data, counts } };
}

/**
 * The id people use: the label where it is an identifier (SP 800-53 "AC-2",
 * rev2 "3.1.1"), else the sort-id (rev3 labels are descriptive:
 * "Personnel Screening (03.09.01)", its sort-id "03.09.01").
 */
export function identifierOf(o: Obj): string | undefined {
  const label = propValue(o, 'label');
  return label && !/\s/.test(label) ? label : propValue(o, 'sort-id');
}

export function propValue(o: Obj, name: string): string | undefined {
  const p = list(o.props ?? o.prop).find((x) => x.name === name && !x.class);
  return typeof p?.value === 'string' && p.value.trim() ? p.value.trim() : undefined;
}

function partyName(metadata: Obj | undefined): string | undefined {
  const party = list(metadata?.parties ?? metadata?.party)[0];
  return party ? textOf(party.name) || undefined : undefined;
}

/** A slug from the framework identifier or the title, for when no --id is given. */
function deriveId(metadata: Obj | undefined, title: string): string {
  const base = (metadata && propValue(metadata, 'framework-version-identifier')) ?? title;
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'imported-catalog'
  );
}
