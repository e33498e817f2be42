/** Text with the five entities escapeHtml writes (and XML writers use) turned back into their characters; &amp; last, so `&amp;lt;` stays `&lt;`. */
export const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
