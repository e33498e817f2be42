/** Case and width folded (NFKC, lower case), so ＡＢＣ finds abc. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Whether `text` contains every word of `query`, folded alike; a query of no words matches every text. */
export function containsEveryWord(text: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const folded = fold(text);
  return words.every((word) => folded.includes(word));
}
