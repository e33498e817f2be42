import type { Edition, Localized, StandardNode } from '../model/edition.schema.js';
import { type Run, scanRuns, type WordToken, wordBoundaries, wordTokens } from './analyze.js';
import { idKey, normalizeText } from './normalize.js';
import { requirementTexts } from './requirement-texts.js';
import type { CharPostings, SearchDoc, SearchField, SearchIndex, SearchLang } from './search.types.js';

/** How much a match counts by where it is: a title says more than a verification step. */
export const FIELD_WEIGHTS = {
  title: 10,
  id: 8,
  reading: 6,
  criteria: 5,
  definition: 3,
  body: 2,
} as const;

type Weight = keyof typeof FIELD_WEIGHTS;

interface Builder {
  docs: SearchDoc[];
  fields: SearchField[];
  words: Map<string, number[]>;
  chars: Map<number, CharPostings>;
}

function post<K>(postings: Map<K, number[]>, key: K, field: number): void {
  const list = postings.get(key);
  if (!list) postings.set(key, [field]);
  else if (list[list.length - 1] !== field) list.push(field);
}

/** Posts every character of a CJK run, and every pair of neighbours under its first character. */
function postCjkRun(chars: Map<number, CharPostings>, text: string, run: Run, field: number): void {
  let previous: CharPostings | undefined;
  for (let i = run.start; i < run.end; ) {
    const cp = text.codePointAt(i) ?? 0;
    let entry = chars.get(cp);
    if (!entry) {
      entry = { fields: [], next: new Map() };
      chars.set(cp, entry);
    }
    if (entry.fields[entry.fields.length - 1] !== field) entry.fields.push(field);
    if (previous) post(previous.next, cp, field);
    previous = entry;
    i += cp > 0xffff ? 2 : 1;
  }
}

function addField(b: Builder, field: string, lang: SearchLang, weight: Weight, original: string, neutral = false): void {
  if (!original.trim()) return;
  const index = b.fields.length;
  const doc = b.docs.length - 1;
  const norm = normalizeText(original);
  const words: WordToken[] = [];
  let hasCjk = false;
  for (const run of scanRuns(norm.text)) {
    if (run.kind === 'word') {
      for (const token of wordTokens(norm.text, run)) {
        words.push(token);
        post(b.words, token.value, index);
      }
    } else {
      hasCjk = true;
      postCjkRun(b.chars, norm.text, run, index);
    }
  }
  b.fields.push({
    doc,
    field,
    lang,
    neutral,
    weight: FIELD_WEIGHTS[weight],
    original,
    norm,
    words,
    hasCjk,
  });
}

function addLocalized(b: Builder, field: string, weight: Weight, text: Localized): void {
  addField(b, field, 'ja', weight, text.ja);
  addField(b, field, 'en', weight, text.en);
}

function addRequirements(b: Builder, edition: Edition): void {
  for (const r of edition.requirements) {
    b.docs.push({ kind: 'requirement', id: r.id, number: r.number, title: r.title, keys: [idKey(r.number), idKey(r.id)] });
    addField(b, 'number', 'en', 'id', r.number, true);
    for (const [field, text] of requirementTexts(r))
      addLocalized(b, field, field === 'title' ? 'title' : field.startsWith('criteria') ? 'criteria' : 'body', text);
  }
}

function addGlossary(b: Builder, edition: Edition): void {
  for (const t of edition.glossary) {
    b.docs.push({ kind: 'term', id: t.id, title: t.term, keys: [idKey(t.id)] });
    addLocalized(b, 'term', 'title', t.term);
    if (t.reading) addField(b, 'reading', 'ja', 'reading', t.reading);
    addLocalized(b, 'definition', 'definition', t.definition);
  }
}

function addStandards(b: Builder, edition: Edition): void {
  const walk = (standard: string, nodes: readonly StandardNode[]) => {
    for (const node of nodes) {
      b.docs.push({ kind: 'standard-requirement', id: node.id, standard, title: node.title, keys: [idKey(node.id)] });
      addField(b, 'id', 'en', 'id', node.id, true);
      addLocalized(b, 'title', 'title', node.title);
      if (node.children) walk(standard, node.children);
    }
  };
  for (const s of edition.standards) walk(s.id, s.requirements);
}

/**
 * Builds the in-memory index of one edition: requirements (number, title,
 * criteria, interpretation, verification steps), glossary terms (term, reading,
 * definition) and standard requirements (id, our short title), both languages.
 * Build once per edition; the index is never changed afterwards.
 */
export function buildSearchIndex(edition: Edition): SearchIndex {
  const b: Builder = { docs: [], fields: [], words: new Map(), chars: new Map() };
  addRequirements(b, edition);
  addGlossary(b, edition);
  addStandards(b, edition);
  const vocabulary = [...b.words.keys()].sort();
  const byKey = new Map<string, number[]>();
  b.docs.forEach((doc, i) => {
    for (const key of new Set(doc.keys)) {
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      list.push(i);
      byKey.set(key, list);
    }
  });
  return { docs: b.docs, fields: b.fields, words: b.words, chars: b.chars, vocabulary, byKey, tieOrder: tieOrder(b.docs) };
}

const KIND_ORDER: Record<SearchDoc['kind'], number> = { requirement: 0, term: 1, 'standard-requirement': 2 };

/** Equal scores rank by kind, then number or id in natural order (D-2 before D-10), then standard: computed once here. */
function tieOrder(docs: readonly SearchDoc[]): Uint32Array {
  const natural = new Intl.Collator('en', { numeric: true }).compare;
  const sorted = docs
    .map((doc, i) => ({ doc, i }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.doc.kind] - KIND_ORDER[b.doc.kind] ||
        natural(a.doc.number ?? a.doc.id, b.doc.number ?? b.doc.id) ||
        natural(a.doc.standard ?? '', b.doc.standard ?? '') ||
        a.i - b.i,
    );
  const order = new Uint32Array(docs.length);
  sorted.forEach(({ i }, place) => {
    order[i] = place;
  });
  return order;
}

/**
 * Computes the Japanese word boundaries of the fields [from, to) that have
 * Japanese text (all by default), which a query would otherwise compute on its
 * first match in each. The service runs it after the build, in slices, away
 * from the query path.
 */
export function segmentSearchIndex(index: SearchIndex, from = 0, to = index.fields.length): SearchIndex {
  for (let i = from; i < Math.min(to, index.fields.length); i++) {
    const field = index.fields[i] as SearchField;
    if (field.hasCjk) field.boundaries ??= wordBoundaries(field.norm.text);
  }
  return index;
}
