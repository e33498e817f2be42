import { readFileSync } from 'node:fs';

/**
 * An independent rendering of NIST's requirement statements, written apart from
 * the product's reader (src/content/oscal/read-publisher-text.ts) so that the
 * tests compare two readings of the catalog: here the rev3 XML is walked as a
 * token stream with regular expressions (no XML parser), and the rev2 JSON is
 * searched for `*_smt` parts. Whitespace is normalised by the caller.
 */

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Param {
  label: string;
  usage: string;
  select?: { many: string; choices: string[] };
}

function paramsOf(xml: string): Map<string, Param> {
  const params = new Map<string, Param>();
  for (const m of xml.matchAll(/<param id="([^"]+)">([\s\S]*?)<\/param>/g)) {
    const body = m[2] ?? '';
    const label = /<label>([\s\S]*?)<\/label>/.exec(body)?.[1] ?? '';
    const usage = /<usage>\s*<p>([\s\S]*?)<\/p>/.exec(body)?.[1] ?? '';
    const select = /<select how-many="([^"]+)">([\s\S]*?)<\/select>/.exec(body);
    params.set(m[1] ?? '', {
      label: label.trim(),
      usage: usage.trim(),
      ...(select
        ? { select: { many: select[1] ?? '', choices: [...(select[2] ?? '').matchAll(/<choice>([\s\S]*?)<\/choice>/g)].map((c) => c[1] ?? '') } }
        : {}),
    });
  }
  return params;
}

function withParams(fragment: string, params: Map<string, Param>): string {
  const replaced = fragment.replace(/<insert\s+type="param"\s+id-ref="([^"]+)"\s*\/>/g, (_m, ref: string) => {
    const p = params.get(ref);
    if (!p) throw new Error(`unknown parameter ${ref}`);
    if (p.select) {
      const how = p.select.many === 'one-or-more' ? 'one or more' : 'one';
      return `[Selection (${how}): ${p.select.choices.map((c) => withParams(c, params)).join('; ')}]`;
    }
    return p.label ? `[Assignment: organization-defined ${p.label}]` : `[Assignment: ${p.usage}]`;
  });
  return decode(replaced.replace(/<[^>]+>/g, ''));
}

/** rev3: requirement id → "lead a. text 1. text …" from the security_requirement control's statement. */
export function rev3Statements(file: string): Map<string, string> {
  const xml = readFileSync(file, 'utf8');
  const params = paramsOf(xml);
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<control id="SP_800_171_SR-([\d.]+)" class="security_requirement">([\s\S]*?)<\/control>/g)) {
    const body = m[2] ?? '';
    const statement = body.slice(body.indexOf('name="statement"'));
    const pieces: string[] = [];
    let pendingLabel = '';
    for (const t of statement.matchAll(/<prop name="label" value="([^"]+)"\s*\/>|<p>([\s\S]*?)<\/p>/g)) {
      if (t[1] !== undefined) {
        const last = t[1].split('.').pop() ?? '';
        pendingLabel = /^\d+$/.test(last) ? `${Number.parseInt(last, 10)}. ` : `${last}. `;
      } else {
        pieces.push(pendingLabel + withParams(t[2] ?? '', params));
        pendingLabel = '';
      }
    }
    out.set(m[1] ?? '', pieces.join(' '));
  }
  return out;
}

/** rev2: requirement id → its statement prose. */
export function rev2Statements(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.name === 'statement' && typeof o.id === 'string' && o.id.endsWith('_smt') && typeof o.prose === 'string')
      out.set(o.id.replace(/_smt$/, '').trim(), o.prose);
    for (const child of Object.values(o)) visit(child);
  };
  visit(JSON.parse(readFileSync(file, 'utf8')));
  return out;
}

export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
