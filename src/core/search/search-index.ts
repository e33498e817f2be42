import type { Edition, GlossaryTerm, Localized, Requirement, StandardNode } from '../model/edition.schema.js';
import { type Run, scanRuns, type WordToken, wordBoundaries, wordTokens } from './analyze.js';
import { fieldTexts } from './field-texts.js';
import { idKey, normalizeText } from './normalize.js';
import { requirementTexts } from './requirement-texts.js';
import {
  COUNT_CAP,
  type CharPostings,
  FIELD_LANG,
  type PairPostings,
  type Postings,
  type SearchDoc,
  type SearchField,
  type SearchIndex,
  type SearchLang,
} from './search.types.js';

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
  words: Map<string, Postings>;
  chars: Map<number, CharPostings>;
}

/** Posts one word occurrence in `field`: its count (capped) and whether it stands whole. */
function postWord(words: Map<string, Postings>, key: string, field: number, whole: boolean): void {
  let p = words.get(key);
  if (!p) {
    p = { fields: [], meta: [] };
    words.set(key, p);
  }
  const last = p.fields.length - 1;
  if (p.fields[last] !== field) {
    p.fields.push(field);
    p.meta.push(whole ? 3 : 2);
    return;
  }
  const meta = p.meta[last] as number;
  p.meta[last] = (meta >> 1 < COUNT_CAP ? meta + 2 : meta) | (whole ? 1 : 0);
}

/** Posts one CJK occurrence in `field`: its count (capped) and its best boundary level so far. */
function postCjk(p: Postings, field: number, level: number): void {
  const last = p.fields.length - 1;
  if (p.fields[last] !== field) {
    p.fields.push(field);
    p.meta.push(4 + level);
    return;
  }
  const meta = p.meta[last] as number;
  p.meta[last] = ((meta >> 2 < COUNT_CAP ? (meta >> 2) + 1 : meta >> 2) << 2) | Math.max(meta & 3, level);
}

/** Posts one occurrence of a CJK pair at `at` in `field`, with the boundary flags before (`before`) and after (`after`) it. */
function postPair(p: PairPostings, field: number, at: number, before: number, after: number): void {
  postCjk(p, field, before + after);
  p.places.push(at * 4 + before * 2 + after);
  p.ends[p.fields.length - 1] = p.places.length;
}

/**
 * Posts every character of a CJK run, and every pair of neighbours under its
 * first character, each with how many of its edges fall on a word boundary
 * (pairs with where they occur as well).
 */
function postCjkRun(chars: Map<number, CharPostings>, text: string, run: Run, field: number, boundaries: Uint8Array): void {
  let previous: CharPostings | undefined;
  let previousAt = 0;
  for (let i = run.start; i < run.end; ) {
    const cp = text.codePointAt(i) ?? 0;
    const end = i + (cp > 0xffff ? 2 : 1);
    let entry = chars.get(cp);
    if (!entry) {
      entry = { fields: [], meta: [], next: new Map() };
      chars.set(cp, entry);
    }
    postCjk(entry, field, (boundaries[i] as number) + (boundaries[end] as number));
    if (previous) {
      let pair = previous.next.get(cp);
      if (!pair) {
        pair = { fields: [], meta: [], places: [], ends: [] };
        previous.next.set(cp, pair);
      }
      postPair(pair, field, previousAt, boundaries[previousAt] as number, boundaries[end] as number);
    }
    previous = entry;
    previousAt = i;
    i = end;
  }
}

function addField(b: Builder, field: string, lang: SearchLang, weight: Weight, original: string, neutral = false): void {
  if (!original.trim()) return;
  const index = b.fields.length;
  const doc = b.docs.length - 1;
  const norm = normalizeText(original);
  const words: WordToken[] = [];
  const runs = scanRuns(norm.text);
  const hasCjk = runs.some((run) => run.kind === 'cjk');
  // Word boundaries up front: the postings keep the best boundary level of every character and pair.
  const boundaries = hasCjk ? wordBoundaries(norm.text) : null;
  for (const run of runs) {
    if (run.kind === 'word') {
      for (const token of wordTokens(norm.text, run)) {
        words.push(token);
        postWord(b.words, token.value, index, !token.part);
      }
    } else postCjkRun(b.chars, norm.text, run, index, boundaries as Uint8Array);
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
    boundaries,
  });
}

function addLocalized(b: Builder, field: string, weight: Weight, text: Localized): void {
  addField(b, field, 'ja', weight, text.ja);
  addField(b, field, 'en', weight, text.en);
}

function addRequirement(b: Builder, r: Requirement): void {
  b.docs.push({ kind: 'requirement', id: r.id, number: r.number, title: r.title, keys: [idKey(r.number), idKey(r.id)] });
  addField(b, 'number', 'en', 'id', r.number, true);
  for (const [field, text] of requirementTexts(r))
    addLocalized(b, field, field === 'title' ? 'title' : field.startsWith('criteria') ? 'criteria' : 'body', text);
}

function addTerm(b: Builder, t: GlossaryTerm): void {
  b.docs.push({ kind: 'term', id: t.id, title: t.term, keys: [idKey(t.id)] });
  addLocalized(b, 'term', 'title', t.term);
  if (t.reading) addField(b, 'reading', 'ja', 'reading', t.reading);
  addLocalized(b, 'definition', 'definition', t.definition);
}

/** Standard requirements in the order they are indexed: depth first, parents before children. */
function* standardNodes(edition: Edition): Generator<[standard: string, node: StandardNode]> {
  function* walk(standard: string, nodes: readonly StandardNode[]): Generator<[string, StandardNode]> {
    for (const node of nodes) {
      yield [standard, node];
      if (node.children) yield* walk(standard, node.children);
    }
  }
  for (const s of edition.standards) yield* walk(s.id, s.requirements);
}

function addStandardNode(b: Builder, standard: string, node: StandardNode): void {
  b.docs.push({ kind: 'standard-requirement', id: node.id, standard, title: node.title, keys: [idKey(node.id)] });
  addField(b, 'id', 'en', 'id', node.id, true);
  addLocalized(b, 'title', 'title', node.title);
}

/**
 * Builds the index in steps: yields after each document added and between the
 * stages that finish the index, and returns the index. buildSearchIndex runs it
 * at once; the server runs as many steps as fit in a few milliseconds per turn
 * of the event loop, so that requests are served while it builds.
 */
export function* searchIndexSteps(edition: Edition): Generator<void, SearchIndex> {
  const b: Builder = { docs: [], fields: [], words: new Map(), chars: new Map() };
  const adds: Iterable<() => void> = (function* () {
    for (const r of edition.requirements) yield () => addRequirement(b, r);
    for (const t of edition.glossary) yield () => addTerm(b, t);
    for (const [standard, node] of standardNodes(edition)) yield () => addStandardNode(b, standard, node);
  })();
  for (const add of adds) {
    add();
    yield;
  }
  const vocabulary = [...b.words.keys()].sort();
  yield;
  const byKey = new Map<string, number[]>();
  b.docs.forEach((doc, i) => {
    for (const key of new Set(doc.keys)) {
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      list.push(i);
      byKey.set(key, list);
    }
  });
  yield;
  const trimmed = b.fields.map((f) => f.norm.text.trim());
  const fieldDocs = new Uint32Array(b.fields.length);
  const fieldWeights = new Float64Array(b.fields.length);
  const fieldLangs = new Uint8Array(b.fields.length);
  const trimmedLengths = new Uint32Array(b.fields.length);
  const docFields = new Uint32Array(b.docs.length + 1);
  b.fields.forEach((f, i) => {
    fieldDocs[i] = f.doc;
    fieldWeights[i] = f.weight;
    fieldLangs[i] = f.neutral ? 0 : FIELD_LANG[f.lang];
    trimmedLengths[i] = (trimmed[i] as string).length;
  });
  // Fields are added document by document, so each document's fields are one range.
  for (let d = 0, f = 0; d <= b.docs.length; d++) {
    while (f < b.fields.length && (b.fields[f] as SearchField).doc < d) f++;
    docFields[d] = f;
  }
  yield;
  const trimmedTexts = fieldTexts(trimmed);
  const sortedKeys = [...byKey.keys()].sort();
  yield;
  const ties = tieOrder(b.docs);
  return {
    docs: b.docs,
    fields: b.fields,
    words: b.words,
    chars: b.chars,
    vocabulary,
    byKey,
    fieldDocs,
    fieldWeights,
    fieldLangs,
    trimmedLengths,
    trimmedTexts,
    sortedKeys,
    docFields,
    tieOrder: ties,
  };
}

/**
 * Builds the in-memory index of one edition: requirements (number, title,
 * criteria, interpretation, verification steps), glossary terms (term, reading,
 * definition) and standard requirements (id, our short title), both languages,
 * with the Japanese word boundaries. Build once per edition; the index is never
 * changed afterwards.
 */
export function buildSearchIndex(edition: Edition): SearchIndex {
  const steps = searchIndexSteps(edition);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
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
