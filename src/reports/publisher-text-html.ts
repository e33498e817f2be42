import { type AttachedCatalog, statementText } from '../core/attached-text/attached-text.js';
import { findNode } from '../core/attached-text/attached-views.js';
import type { Localized, StandardNode } from '../core/model/edition.schema.js';
import { html, type SafeHtml } from './html.js';

/**
 * The publisher's English original of each requirement of an attached catalog,
 * beside its id and our title; withdrawn ones say where the publisher put them.
 * Shared by the guidebook's appendix and the static site's standard pages.
 */
export function publisherTextList(catalog: AttachedCatalog, nodes: readonly StandardNode[], titleOf: (title: Localized) => string): SafeHtml {
  return html`<dl class="attached">
${catalog.texts.map((t) => {
  const title = findNode(nodes, t.requirementId)?.title;
  return html`<dt>${t.requirementId}${title ? html` <span class="our-title">${titleOf(title)}</span>` : ''}</dt>
<dd lang="en">${t.withdrawal ? html`<p class="muted">${t.withdrawal.relation} ${t.withdrawal.targets.join(', ')}</p>` : html`<p class="statement">${statementText(t.statement)}</p>`}</dd>\n`;
})}
</dl>`;
}
