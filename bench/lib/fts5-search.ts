import SQLite from 'better-sqlite3';
import { normalizeText } from '../../src/core/search/normalize.js';
import type { SearchIndex } from '../../src/core/search/search.types.js';

/**
 * The candidate we measured beside our own index (issue 22): SQLite FTS5 with
 * its trigram tokenizer, in memory, one row per document (every field joined,
 * normalised as our index normalises). A trigram needs three characters, so a
 * term of one or two (鍵, ログ, 認証: most Japanese queries) falls back to LIKE,
 * which scans every row. Ranked by bm25 with a count of all matches; no
 * snippets, so it does less than our search does.
 */
export function fts5Searcher(index: SearchIndex): { search: (query: string) => number; close: () => void } {
  const db = new SQLite(':memory:');
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'trigram')");
  const texts = new Map<number, string[]>();
  for (const field of index.fields) {
    const list = texts.get(field.doc) ?? [];
    list.push(field.norm.text);
    texts.set(field.doc, list);
  }
  const insert = db.prepare('INSERT INTO docs (rowid, body) VALUES (?, ?)');
  db.transaction(() => {
    for (const [doc, list] of texts) insert.run(doc + 1, list.join('\n'));
  })();
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    search: (query) => {
      const terms = normalizeText(query).text.split(/\s+/).filter(Boolean);
      const long = terms.filter((t) => [...t].length >= 3);
      const short = terms.filter((t) => [...t].length < 3);
      const where: string[] = [];
      const params: string[] = [];
      if (long.length) {
        where.push('docs MATCH ?');
        params.push(long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND '));
      }
      for (const t of short) {
        where.push("body LIKE ? ESCAPE '\\'");
        params.push(`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      const filter = where.join(' AND ');
      const total = (prepared(`SELECT count(*) AS n FROM docs WHERE ${filter}`).get(...params) as { n: number }).n;
      const order = long.length ? 'ORDER BY bm25(docs)' : 'ORDER BY rowid';
      prepared(`SELECT rowid FROM docs WHERE ${filter} ${order} LIMIT 20`).all(...params);
      return total;
    },
    close: () => db.close(),
  };
}
