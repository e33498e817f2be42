import { reason } from '../../core/errors.js';
import type { CatalogSource, RequirementText, StatementPart, Withdrawal } from '../../core/attached-text/attached-text.js';
import { identifierOf, propValue } from './import-catalog.js';
import type { InputProblem } from './read-oscal-document.js';
import { readOscalWithProse } from './read-oscal-prose.js';

export interface PublisherText {
  source: CatalogSource;
  /** Every top-level requirement id of the catalog, withdrawn ones included, in catalog order. */
  ids: string[];
  texts: RequirementText[];
}

export type PublisherTextRead = { ok: true; catalog: PublisherText } | { ok: false; problems: InputProblem[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const str = (v: unknown): string => (typeof v === 'string' ? squash(v) : '');

/**
 * The publisher's own text per requirement from an OSCAL catalog (JSON or
 * XML): the statement (rev3: the nested `security_requirement` control's
 * statement; otherwise the control's own statement part) with parameters
 * rendered as the publication shows them and lettered sub-items kept, the
 * discussion (`guidance` / `discussion` part) and, for a withdrawn control,
 * where the publisher says it went. Problems name the JSON pointer.
 */
export function readPublisherText(text: string, fileName: string): PublisherTextRead {
  const read = readOscalWithProse(text, fileName);
  if (!read.ok) return read;
  const catalog = read.document.catalog;
  if (!isObj(catalog))
    return { ok: false, problems: [{ where: '/catalog', message: 'missing: the document has no catalog (is it an OSCAL catalog?)', ...reason('no-catalog') }] };
  const metadata = isObj(catalog.metadata) ? catalog.metadata : {};
  const problems: InputProblem[] = [];
  const params = new Map<string, Obj>();
  collectParams(catalog, params);
  const ids: string[] = [];
  const texts: RequirementText[] = [];
  const visitControl = (c: Obj, pointer: string) => {
    const id = (identifierOf(c) ?? str(c.id)).trim();
    if (!id) {
      problems.push({ where: `${pointer}/id`, message: 'missing: a control needs an id', ...reason('required', { field: 'id' }) });
      return;
    }
    ids.push(id);
    texts.push(requirementText(c, id, params));
  };
  const visitGroup = (g: Obj, pointer: string) => {
    for (const [i, sub] of list(g.groups).entries()) visitGroup(sub, `${pointer}/groups/${i}`);
    for (const [i, c] of list(g.controls).entries()) visitControl(c, `${pointer}/controls/${i}`);
  };
  visitGroup(catalog, '/catalog');
  if (!ids.length) problems.push({ where: '/catalog', message: 'the catalog has no controls', ...reason('no-controls') });
  const title = str(metadata.title);
  if (!title) problems.push({ where: '/catalog/metadata/title', message: 'missing: a catalog needs a title', ...reason('required', { field: 'title' }) });
  if (problems.length) return { ok: false, problems };
  const source: CatalogSource = {
    title,
    version: str(metadata.version) || 'unknown',
    oscalVersion: str(metadata['oscal-version']) || 'unknown',
    fileName: fileName.split(/[\\/]/).pop() ?? fileName,
    ...(str(metadata.published) ? { published: str(metadata.published) } : {}),
    ...(canonicalUrl(catalog, metadata) ? { canonicalUrl: canonicalUrl(catalog, metadata) as string } : {}),
  };
  return { ok: true, catalog: { source, ids, texts } };
}

function collectParams(o: Obj, into: Map<string, Obj>): void {
  for (const p of list(o.params)) if (typeof p.id === 'string') into.set(p.id, p);
  for (const g of list(o.groups)) collectParams(g, into);
  for (const c of list(o.controls)) collectParams(c, into);
}

function requirementText(c: Obj, id: string, params: Map<string, Obj>): RequirementText {
  const withdrawn = propValue(c, 'status') === 'withdrawn';
  if (withdrawn) return { requirementId: id, statement: { text: '' }, withdrawal: withdrawalOf(c) ?? { relation: 'withdrawn', targets: [] } };
  const nested = list(c.controls).find((child) => child.class === 'security_requirement');
  const statementPart = list((nested ?? c).parts).find((p) => p.name === 'statement');
  const discussion = list(c.parts)
    .filter((p) => p.name === 'guidance' || p.name === 'discussion')
    .map((p) => render(str(p.prose), params))
    .filter(Boolean)
    .join('\n\n');
  return {
    requirementId: id,
    statement: statementPart ? statementOf(statementPart, params) : { text: '' },
    ...(discussion ? { discussion } : {}),
  };
}

function statementOf(part: Obj, params: Map<string, Obj>, label?: string): StatementPart {
  const items = list(part.parts)
    .filter((p) => p.name === 'item')
    .map((p) => statementOf(p, params, itemLabel(p)));
  return { ...(label !== undefined ? { label } : {}), text: render(str(part.prose), params), ...(items.length ? { items } : {}) };
}

/** "SR-03.01.01.c.01" → "1", "SR-03.01.01.a" → "a"; a plain label ("a.", "(1)") loses its punctuation. */
function itemLabel(p: Obj): string | undefined {
  const label = propValue(p, 'label') ?? (typeof p.id === 'string' ? p.id : undefined);
  if (!label) return undefined;
  const last = label.split('.').filter(Boolean).pop() ?? label;
  const bare = last.replace(/^[([]|[)\]]$/g, '');
  return /^\d+$/.test(bare) ? String(Number(bare)) : bare;
}

/** Parameters as the publication prints them: [Assignment: organization-defined …] or [Selection (one or more): …; …]. */
function render(prose: string, params: Map<string, Obj>, depth = 0): string {
  return prose.replace(/\{\{\s*insert:\s*param,\s*([^}\s]+)\s*\}\}/g, (_m, ref: string) => {
    const p = params.get(ref);
    if (!p || depth > 5) return `[Assignment: ${ref}]`;
    return paramText(p, params, depth);
  });
}

function paramText(p: Obj, params: Map<string, Obj>, depth: number): string {
  const select = isObj(p.select) ? p.select : undefined;
  if (select) {
    const many = select['how-many'] === 'one-or-more' ? ' (one or more)' : ' (one)';
    const choices = (Array.isArray(select.choice) ? select.choice : []).map((ch) => render(str(ch), params, depth + 1));
    return `[Selection${many}: ${choices.join('; ')}]`;
  }
  const label = str(p.label);
  if (label) return `[Assignment: ${/^organi[sz]ation-defined\b/.test(label) ? label : `organization-defined ${label}`}]`;
  const usage = str(isObj(p.usage) ? p.usage.prose : p.usage);
  return `[Assignment: ${usage || str(p.id)}]`;
}

function withdrawalOf(c: Obj): Withdrawal | undefined {
  const links = list(c.links).filter((l) => typeof l.rel === 'string' && l.rel !== 'reference' && typeof l.href === 'string');
  if (!links.length) return undefined;
  const relation = String(links[0]?.rel).replace(/_/g, '-');
  return { relation, targets: links.map((l) => String(l.href).replace(/^#/, '')) };
}

function canonicalUrl(catalog: Obj, metadata: Obj): string | undefined {
  const href = list(metadata.links).find((l) => l.rel === 'canonical')?.href;
  if (typeof href !== 'string') return undefined;
  if (/^https?:\/\//.test(href)) return href;
  const resource = list(isObj(catalog['back-matter']) ? catalog['back-matter'].resources : undefined).find(
    (r) => typeof r.uuid === 'string' && `#${r.uuid}` === href,
  );
  const rlink = list(resource?.rlinks ?? resource?.rlink)[0]?.href;
  return typeof rlink === 'string' ? rlink : undefined;
}
