/**
 * XML readers refuse any document type declaration. A DOCTYPE is where
 * entities are declared: internal ones that expand exponentially ("billion
 * laughs") and external ones that read files or URLs (XXE). No format tebiki
 * reads (OSCAL, CycloneDX) needs one, so the whole declaration is refused
 * before a parser sees it, with the line and column where it starts.
 */

/** Where a DOCTYPE (or a stray entity declaration) starts, or null when there is none. */
export function doctypeProblem(xml: string): { line: number; column: number; message: string } | null {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (!match) return null;
  const before = xml.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  const what = match[1]?.toUpperCase() === 'ENTITY' ? 'an entity declaration' : 'a document type declaration (DOCTYPE)';
  return {
    line,
    column,
    message: `${what} is refused: entities could expand without bound or read other files; save the document without a DOCTYPE`,
  };
}
