import { hintsByItem } from '../../core/attached-text/attached-views.js';
import { attachedCatalogsFromDatabase } from '../attached-catalogs.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { exportOscalCatalog } from '../../content/oscal/export-catalog.js';
import { exportOscalMapping } from '../../content/oscal/export-mapping.js';
import { importOscalCatalog } from '../../content/oscal/import-catalog.js';
import { storeImportedStandard } from '../../services/imported-standards.service.js';
import { withStore } from '../../services/operator-store.js';
import { attachTextCommand } from './attach-text.command.js';
import { writeAtomically } from '../write-file.js';
import { type CommandIO, failureJson, parseFormat, printJson, printReport, UsageError, written } from '../output.js';
import { commandEdition, EDITION_OPTIONS, refuseBothEditionSources } from '../edition-option.js';

export const exportOscalHelp =
  "export oscal-catalog|oscal-mapping [--edition ID | --content DIR] [--with-attached-text] --out FILE [--format text|json]   the guidebook / its mappings as OSCAL 1.2 JSON (--with-attached-text: the catalog's items carry the attached publisher's text of their mapped NIST requirements, with its citation)";
export const importOscalHelp =
  "import oscal FILE [--id ID] [--content DIR] [--format text|json]   an OSCAL catalog (JSON or XML) as a standard\n  import oscal FILE --attach-to STANDARD_ID [--format text|json]   attach the publisher's own requirement text to a bundled standard that allows it (NIST SP 800-171)";

/** bin/tebiki export oscal-catalog|oscal-mapping: OSCAL 1.2 documents that validate against NIST's schemas. */
export async function exportOscalCommand(kind: 'oscal-catalog' | 'oscal-mapping', args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...EDITION_OPTIONS,
      out: { type: 'string' },
      'with-attached-text': { type: 'boolean' },
      format: { type: 'string' },
    },
    strict: true,
  });
  const format = parseFormat(values.format);
  if (values['with-attached-text'] && kind !== 'oscal-catalog') throw new UsageError('--with-attached-text applies to export oscal-catalog');
  if (!values.out) throw new UsageError('--out FILE is required');
  refuseBothEditionSources(values);
  const edition = (await commandEdition({ editionId: values.edition, contentDir: values.content })).edition;
  // Attached publisher's text only when asked, and only where the standard allows it (attachedCatalogsOf filters).
  const attached = values['with-attached-text'] ? await attachedCatalogsFromDatabase(edition) : [];
  const hints = hintsByItem(
    edition.requirements.map((r) => r.id),
    edition.requirements,
    attached,
    edition.standards,
  );
  const doc = kind === 'oscal-catalog' ? exportOscalCatalog(edition, { hints }) : exportOscalMapping(edition);
  const out = resolve(values.out);
  const data = `${JSON.stringify(doc, null, 2)}\n`;
  writeAtomically(out, data);
  const parts = [...hints.values()].flat().length;
  printReport(
    io,
    format,
    () => ({
      ok: true,
      document: kind,
      edition: edition.meta.id,
      ...written(out, data),
      ...(values['with-attached-text']
        ? { attachedText: attached.map((c) => ({ standard: c.standardId, citation: c.citation, requirements: c.texts.length })), parts }
        : {}),
    }),
    () => {
      const lines = [`wrote ${kind} of edition ${edition.meta.id} to ${out}`];
      if (values['with-attached-text'])
        lines.push(
          attached.length > 0
            ? `  with the publisher's text of ${attached.map((c) => `${c.standardId} (${c.citation})`).join(', ')}: ${parts} parts`
            : '  --with-attached-text: no attached text in the database (import oscal FILE --attach-to STANDARD_ID)',
        );
      return lines.join('\n');
    },
  );
  return 0;
}

/**
 * bin/tebiki import oscal FILE: stores the catalog as a standard in the
 * database, or with --content writes it as content/standards/<id>.yaml so the
 * content can map to it. A bad file names its place and stores nothing.
 */
export async function importOscalCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { id: { type: 'string' }, content: { type: 'string' }, format: { type: 'string' }, 'attach-to': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const format = parseFormat(values.format);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('expected one FILE');
  if (values['attach-to'] !== undefined) {
    if (values.id !== undefined || values.content !== undefined) throw new UsageError('--attach-to takes no --id or --content');
    return attachTextCommand(file, values['attach-to'], format, io);
  }
  if (values.id !== undefined && !/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(values.id))
    throw new UsageError(`--id must be lower-case letters, digits, "." or "-", not "${values.id}"`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const result = importOscalCatalog(text, file, values.id ? { id: values.id } : {});
  if (!result.ok) {
    if (format === 'json')
      printJson(io, failureJson({ code: 'validation-failed', message: `${file} is not an importable OSCAL catalog` }, { problems: result.problems }));
    else for (const p of result.problems) io.out(`${p.where || file}: error ${p.message}`);
    return 1;
  }
  const { standard, counts } = result.catalog;
  let status: string;
  if (values.content !== undefined) {
    const target = join(resolve(values.content), 'standards', `${standard.id}.yaml`);
    if (existsSync(target)) throw new UsageError(`${target} exists; choose another --id`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, stringify(standard, { lineWidth: 0 }));
    status = `written to ${target}`;
  } else {
    status = (await withStore((store, config) => storeImportedStandard({ store, config, now: () => new Date() }, { kind: 'anonymous' }, standard, file)))
      .status;
  }
  const summary = { id: standard.id, title: standard.title.en, groups: counts.groups, requirements: counts.requirements, withdrawn: counts.withdrawn };
  printReport(
    io,
    format,
    () => ({ ...summary, status }),
    () => `${standard.id}: "${summary.title}" — ${summary.groups} groups, ${summary.requirements} requirements, ${summary.withdrawn} withdrawn (${status})`,
  );
  return 0;
}
