import { attachedCatalogsFromDatabase } from '../attached-catalogs.js';
import { parseArgs } from 'node:util';
import { describeOrigin, resolveEdition } from '../../publish/edition-source.js';
import { buildSite } from '../../publish/publish-site.js';
import { writeSite } from '../../publish/write-site.js';
import { type CommandIO, parseFormat, printJson, UsageError } from '../output.js';
import { EDITION_OPTIONS, refuseBothEditionSources } from '../edition-option.js';

export const publishHelp =
  'publish [--edition ID | --content DIR] --out DIR [--with-attached-text] [--format text|json]   write a static bilingual website of an edition (opens from file://, no server); --with-attached-text adds the attached publisher text (NIST) to the standard pages, with its citation';

/**
 * bin/tebiki publish: the edition as a static site, /ja/ and /en/ page trees
 * with the same file names, every page linkable by id. Without --edition or
 * --content it takes the database's latest published edition, or the bundled
 * content when there is no database.
 */
export async function publishCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...EDITION_OPTIONS,
      out: { type: 'string' },
      format: { type: 'string' },
      'with-attached-text': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  const format = parseFormat(values.format);
  if (values.help) {
    io.out(`usage: tebiki ${publishHelp}`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.out) throw new UsageError('--out DIR is required: the folder to write the site into');
  refuseBothEditionSources(values);
  if (values.edition === '') throw new UsageError('--edition needs an edition id, e.g. --edition 2026.1');

  const started = process.hrtime.bigint();
  const resolved = await resolveEdition({ editionId: values.edition, contentDir: values.content });
  // Attached publisher's text only when asked, only for standards that allow it (NIST), with its citation.
  const attached = values['with-attached-text'] ? await attachedCatalogsFromDatabase(resolved.edition) : [];
  const files = buildSite(resolved.edition, resolved.hash, { attached });
  const written = writeSite(files, values.out);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const pages = [...files.keys()].filter((p) => p.endsWith('.html')).length;

  if (format === 'json') {
    printJson(io, {
      edition: { id: resolved.edition.meta.id, status: resolved.edition.meta.status, hash: resolved.hash },
      source: resolved.origin,
      out: written.out,
      pages,
      attachedText: attached.map((c) => ({ standard: c.standardId, citation: c.citation, requirements: c.texts.length })),
      files: written.files,
      bytes: written.bytes,
      ms,
    });
  } else {
    io.out(`published ${describeOrigin(resolved)}`);
    io.out(`  ${pages} pages, ${written.files} files, ${(written.bytes / 1024 / 1024).toFixed(1)} MiB in ${written.out} (${ms} ms)`);
    for (const c of attached) io.out(`  with the publisher's text of ${c.standardId} (${c.citation})`);
    io.out(`  open ${written.out}/index.html (ja/index.html, en/index.html) in a browser; no server needed`);
  }
  return 0;
}
