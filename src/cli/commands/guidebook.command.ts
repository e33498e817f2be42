import { attachedCatalogsFromDatabase } from '../attached-catalogs.js';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeOrigin, resolveEdition } from '../../publish/edition-source.js';
import { renderGuidebookHtml } from '../../reports/guidebook/guidebook-html.js';
import { renderGuidebookPdf } from '../../reports/guidebook/guidebook-pdf.js';
import { closePdfBrowser } from '../../reports/pdf-browser.js';
import { isLang } from '../../reports/labels.js';
import { type CommandIO, JSON_OPTION, jsonFlag, printReport, UsageError, written } from '../output.js';
import { EDITION_OPTIONS, refuseBothEditionSources } from '../edition-option.js';
import { writeAtomically } from '../write-file.js';

export const guidebookHelp = [
  'guidebook [--edition ID | --content DIR] --format pdf|html --lang ja|en --out FILE [--json]   the guidebook document',
  '      (title page, contents, chapters per phase, glossary and coverage appendices; A4 with page numbers); --json: the status as JSON.',
  "      PDF is rendered by Debian's chromium (/usr/bin/chromium, or TEBIKI_CHROMIUM) with the system fonts",
  '      "Noto Serif CJK JP" and "Noto Sans CJK JP" from Debian\'s fonts-noto-cjk package; nothing is downloaded.',
].join('\n');

const FORMATS = ['pdf', 'html'] as const;
type GuidebookFormat = (typeof FORMATS)[number];

function parseGuidebookFormat(value: string | undefined): GuidebookFormat {
  if (value === undefined) throw new UsageError('--format pdf|html is required');
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be pdf or html, not "${value}"`);
  return value as GuidebookFormat;
}

/** bin/tebiki guidebook: the guidebook of an edition as one HTML file or a PDF. */
export async function guidebookCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...EDITION_OPTIONS,
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...JSON_OPTION,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`usage: tebiki ${guidebookHelp}`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = parseGuidebookFormat(values.format);
  if (values.lang === undefined) throw new UsageError('--lang ja|en is required');
  if (!isLang(values.lang)) throw new UsageError(`--lang must be ja or en, not "${values.lang}"`);
  const lang = values.lang;
  if (!values.out) throw new UsageError('--out FILE is required: the file to write');
  refuseBothEditionSources(values);
  if (values.edition === '') throw new UsageError('--edition needs an edition id, e.g. --edition 2026.1');

  const started = process.hrtime.bigint();
  const resolved = await resolveEdition({ editionId: values.edition, contentDir: values.content });
  // NIST's own text, where an operator attached NIST's catalog: an appendix per standard, with its citation.
  const attached = await attachedCatalogsFromDatabase(resolved.edition);
  const document = renderGuidebookHtml(resolved.edition, lang, attached);
  const data = format === 'pdf' ? await renderGuidebookPdf(document).finally(closePdfBrowser) : document;
  const out = resolve(values.out);
  writeAtomically(out, data);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  printReport(
    io,
    jsonFlag(values.json),
    () => ({
      ok: true,
      document: 'guidebook',
      format,
      lang,
      edition: { id: resolved.edition.meta.id, status: resolved.edition.meta.status, hash: resolved.hash },
      source: resolved.origin,
      ...written(out, data),
      ms,
      attachedText: attached.map((c) => ({ standard: c.standardId, citation: c.citation, requirements: c.texts.length })),
    }),
    () =>
      [
        `wrote the ${lang === 'ja' ? 'Japanese' : 'English'} guidebook (${format}) of ${describeOrigin(resolved)}`,
        `  ${out}: ${Buffer.byteLength(data)} bytes (${ms} ms)`,
        ...attached.map((c) => `  appendix with the publisher's text of ${c.standardId} (${c.texts.length} requirements; ${c.citation})`),
      ].join('\n'),
  );
  return 0;
}
