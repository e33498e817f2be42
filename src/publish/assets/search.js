// Search of the tebiki static site. Runs from file:// with no server: the
// index arrives as window.TEBIKI_SEARCH_INDEX from search-index.js.
//
// Matching, over titles and texts in both languages:
// - Japanese (any token with non-ASCII characters): character bigrams. A token
//   matches a text when enough of its bigrams occur in it, so "ユーザー認証"
//   still finds "ユーザ認証"; a text containing the whole token ranks higher.
// - English (ASCII tokens): prefix of a word, so "authent" finds
//   "authentication".
// Every token must match (AND). Results are built with DOM nodes and
// textContent only: no innerHTML, so no text from the index is ever parsed
// as markup.
(() => {
  const index = window.TEBIKI_SEARCH_INDEX;
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!index || !form || !input || !list || !status) return;

  const pageLang = list.dataset.lang === 'en' ? 1 : 0;
  const MAX_RESULTS = 100;
  const WEIGHT = { number: 5, title: 6, sub: 1, text: 1 };
  const KIND_ORDER = { requirement: 0, term: 1, 'standard-requirement': 2 };

  /** Lower-case and NFKC per character, keeping every offset (highlights point into the original). */
  function fold(text) {
    let out = '';
    for (const ch of text) {
      let f = ch.normalize('NFKC').toLowerCase();
      if (f.length !== ch.length) f = ch.toLowerCase();
      if (f.length !== ch.length) f = ch;
      out += f;
    }
    return out;
  }

  const folded = new Map();
  function foldedOf(text) {
    let f = folded.get(text);
    if (f === undefined) {
      f = fold(text);
      folded.set(text, f);
    }
    return f;
  }

  function parseQuery(q) {
    const seen = new Set();
    const tokens = [];
    for (const raw of fold(q).split(/[\s\u3000]+/)) {
      const text = raw.slice(0, 64);
      if (!text || seen.has(text) || tokens.length >= 10) continue;
      seen.add(text);
      if (/^[\x21-\x7e]+$/.test(text)) tokens.push({ kind: 'word', text });
      else {
        const grams = [];
        for (let i = 0; i + 2 <= text.length; i++) if (!grams.includes(text.slice(i, i + 2))) grams.push(text.slice(i, i + 2));
        tokens.push({ kind: 'cjk', text, grams });
      }
    }
    return tokens;
  }

  function occurrences(haystack, needle, ranges, wordStart) {
    let count = 0;
    for (let at = haystack.indexOf(needle); at >= 0 && count < 20; at = haystack.indexOf(needle, at + 1)) {
      if (wordStart && at > 0 && /[a-z0-9]/.test(haystack[at - 1])) continue;
      ranges.push([at, at + needle.length]);
      count++;
    }
    return count;
  }

  /** How well one token matches one text (0 = not at all), and where. */
  function matchToken(token, text, ranges) {
    const hay = foldedOf(text);
    if (token.kind === 'word') return occurrences(hay, token.text, ranges, true) > 0 ? 1 : 0;
    if (occurrences(hay, token.text, ranges, false) > 0) return 1.5;
    if (token.grams.length < 3) return 0;
    const start = ranges.length;
    let found = 0;
    for (const g of token.grams) if (occurrences(hay, g, ranges, false) > 0) found++;
    const ratio = found / token.grams.length;
    if (ratio >= 0.6) return ratio;
    ranges.length = start;
    return 0;
  }

  function fieldsOf(doc, lang) {
    const fields = [
      { role: 'number', text: doc.n },
      { role: 'title', text: doc.t[lang] },
    ];
    if (doc.s) fields.push({ role: 'sub', text: doc.s[lang] });
    for (const f of doc.f) fields.push({ role: 'text', text: f[lang] });
    return fields;
  }

  /** Score of a document in one language, with the highlight ranges per field; null when a token does not match. */
  function scoreIn(doc, lang, tokens) {
    const fields = fieldsOf(doc, lang).map((f) => ({ ...f, ranges: [] }));
    let score = 0;
    for (const token of tokens) {
      let best = 0;
      for (const field of fields) {
        if (!field.text) continue;
        const s = matchToken(token, field.text, field.ranges) * WEIGHT[field.role];
        if (s > best) best = s;
      }
      if (best === 0) return null;
      score += best;
    }
    return { score, lang, fields };
  }

  function search(tokens) {
    const hits = [];
    for (const doc of index.docs) {
      const own = scoreIn(doc, pageLang, tokens);
      const other = scoreIn(doc, 1 - pageLang, tokens);
      const best = own && (!other || own.score >= other.score * 0.9) ? own : other;
      if (best) hits.push({ doc, ...best, score: best === own ? best.score : best.score * 0.9 });
    }
    hits.sort((a, b) => b.score - a.score || KIND_ORDER[a.doc.k] - KIND_ORDER[b.doc.k] || a.doc.p.localeCompare(b.doc.p));
    return hits;
  }

  /** Merged, sorted ranges clipped to [from, to) and shifted by -from. */
  function clip(ranges, from, to) {
    const sorted = ranges
      .filter((r) => r[1] > from && r[0] < to)
      .map((r) => [Math.max(r[0], from) - from, Math.min(r[1], to) - from])
      .sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged;
  }

  /** Appends text to a node with <mark> around the ranges; text only, never markup. */
  function appendMarked(parent, text, ranges) {
    let pos = 0;
    for (const [start, end] of ranges) {
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      pos = end;
    }
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function snippet(hit) {
    const field = hit.fields.find((f) => f.role === 'text' && f.ranges.length > 0);
    if (!field) return null;
    const first = Math.min(...field.ranges.map((r) => r[0]));
    const from = Math.max(0, first - 30);
    const to = Math.min(field.text.length, from + 140);
    const p = document.createElement('p');
    p.className = 'snippet';
    if (hit.lang !== pageLang) p.lang = hit.lang === 1 ? 'en' : 'ja';
    if (from > 0) p.appendChild(document.createTextNode('…'));
    appendMarked(p, field.text.slice(from, to), clip(field.ranges, from, to));
    if (to < field.text.length) p.appendChild(document.createTextNode('…'));
    return p;
  }

  function resultItem(hit) {
    const { doc } = hit;
    const li = document.createElement('li');
    li.className = `result result-${doc.k}`;
    const kind = document.createElement('span');
    kind.className = 'badge';
    kind.textContent = list.dataset[`kind${doc.k.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`] || doc.k;
    li.appendChild(kind);
    const a = document.createElement('a');
    a.href = doc.p;
    const fieldAt = (role) => hit.fields.find((f) => f.role === role);
    if (doc.n && doc.k !== 'term') {
      const number = document.createElement('span');
      number.className = 'number';
      appendMarked(number, doc.n, clip(fieldAt('number').ranges, 0, doc.n.length));
      a.appendChild(number);
      a.appendChild(document.createTextNode(' '));
    }
    const title = doc.t[pageLang];
    appendMarked(a, title, hit.lang === pageLang ? clip(fieldAt('title').ranges, 0, title.length) : []);
    li.appendChild(a);
    if (doc.s) {
      const sub = document.createElement('span');
      sub.className = 'muted sub';
      sub.textContent = doc.s[pageLang];
      li.appendChild(sub);
    }
    const snip = snippet(hit);
    if (snip) li.appendChild(snip);
    return li;
  }

  function run(query) {
    list.replaceChildren();
    const tokens = parseQuery(query);
    if (tokens.length === 0) {
      status.textContent = '';
      return;
    }
    const hits = search(tokens);
    const template = hits.length === 1 ? list.dataset.countOne : list.dataset.countOther;
    status.textContent = (template || '{n}').replace('{n}', String(hits.length));
    for (const hit of hits.slice(0, MAX_RESULTS)) list.appendChild(resultItem(hit));
  }

  function remember(query) {
    try {
      const url = new URL(window.location.href);
      url.searchParams.set('q', query);
      window.history.replaceState(null, '', url.href);
    } catch {
      // Some browsers refuse history changes on file:// pages; the search itself still works.
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember(input.value);
    run(input.value);
  });
  input.addEventListener('input', () => run(input.value));

  const initial = new URLSearchParams(window.location.search).get('q') || '';
  input.value = initial;
  run(initial);
})();
