import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { generateChecksheet } from '../../core/assessment/checksheet.js';
import type { ChecksheetSpec, ChecksheetTarget } from '../../core/assessment/checksheet.types.js';
import { AppError } from '../../core/errors.js';
import { isLayer, isPhase, type Layer, type Phase } from '../../core/taxonomy.js';
import { checksheetCsv, checksheetJson } from '../../reports/checksheet-export.js';
import { isLang } from '../../reports/labels.js';
import { writeChecksheetWorkbook } from '../../workbook/write-checksheet-workbook.js';
import { type CommandIO, JSON_OPTION, printJson, UsageError, written } from '../output.js';
import { commandEdition, EDITION_OPTIONS, refuseBothEditionSources } from '../edition-option.js';
import { writeAtomically } from '../write-file.js';

export const checksheetHelp = [
  'checksheet [--edition ID | --content DIR] [--layer L]... [--phase P]... [--profile FILE] [--standard ID [--sl N] [--component-type T] [--mandatory]]',
  '      --format xlsx|csv|json [--lang ja|en] --out FILE [--json]   チェックシート: check items ordered by phase then layer (項番 = item number).',
  '      --json: the status (file, bytes, items) as JSON on stdout instead of the line on stderr; needs --out.',
  '      --profile: YAML/JSON file `conditions: [has-web-ui, uses-passwords, ...]` = the applicability conditions the product meets.',
  '      --standard: only items that reach it (e.g. jc-star-1; iec-62443-4-2 with --sl 2; etsi-en-303-645 with --mandatory).',
].join('\n');

const FORMATS = ['xlsx', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Reads a product profile: the applicability conditions it meets. Errors name the file and the key. */
export function readProfile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--profile ${file}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new UsageError(`--profile ${file}: not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const conditions = (value as { conditions?: unknown } | null)?.conditions;
  if (!Array.isArray(conditions)) throw new UsageError(`--profile ${file}: needs a "conditions" list of applicability condition ids`);
  return conditions.map((c, i) => {
    if (typeof c !== 'string' || c.trim() === '') throw new UsageError(`--profile ${file}: conditions[${i}] must be a condition id`);
    return c.trim();
  });
}

function parseChecksheetArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      ...EDITION_OPTIONS,
      layer: { type: 'string', multiple: true },
      phase: { type: 'string', multiple: true },
      profile: { type: 'string' },
      standard: { type: 'string' },
      sl: { type: 'string' },
      'component-type': { type: 'string' },
      mandatory: { type: 'boolean' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      ...JSON_OPTION,
    },
    strict: true,
  });
  const format = values.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be xlsx, csv or json${values.format ? `, not "${values.format}"` : ''}`);
  if (format === 'xlsx' && !values.out) throw new UsageError('--out FILE is required for xlsx');
  if (values.json && !values.out) throw new UsageError('--json prints the status of the written file: give --out FILE');
  const lang = values.lang ?? 'ja';
  if (!isLang(lang)) throw new UsageError(`--lang must be ja or en, not "${lang}"`);
  refuseBothEditionSources(values);
  const layers = (values.layer ?? []).map((l): Layer => {
    if (!isLayer(l)) throw new UsageError(`--layer must be service, platform, network or device, not "${l}"`);
    return l;
  });
  const phases = (values.phase ?? []).map((p): Phase => {
    if (!isPhase(p))
      throw new UsageError(
        `--phase "${p}" is not a phase (planning, design.architecture, design.hardware, design.software, development.hardware, development.software, manufacturing, mass-production, operation, disposal)`,
      );
    return p;
  });
  if (!values.standard && (values.sl || values['component-type'] || values.mandatory))
    throw new UsageError('--sl, --component-type and --mandatory need --standard');
  let target: ChecksheetTarget | null = null;
  if (values.standard) {
    if (values.sl !== undefined && !/^[1-4]$/.test(values.sl)) throw new UsageError(`--sl must be 1, 2, 3 or 4, not "${values.sl}"`);
    target = {
      standard: values.standard,
      ...(values.sl !== undefined ? { securityLevel: Number(values.sl) } : {}),
      ...(values['component-type'] ? { componentType: values['component-type'] } : {}),
      ...(values.mandatory ? { mandatoryOnly: true } : {}),
    };
  }
  const spec: ChecksheetSpec = { layers, phases, profile: values.profile ? readProfile(values.profile) : null, target };
  return { values, format, lang, spec };
}

/** bin/tebiki checksheet: a checksheet of an edition as xlsx, csv or json. */
export async function checksheetCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, format, lang, spec } = parseChecksheetArgs(args);
  const edition = (await commandEdition({ editionId: values.edition, contentDir: values.content })).edition;
  let checksheet: ReturnType<typeof generateChecksheet>;
  try {
    checksheet = generateChecksheet(edition, spec);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation-failed') {
      const where = (path: string) =>
        path.startsWith('profile') ? `--profile ${values.profile}: ${path.replace(/^profile/, 'conditions')}` : `--${path === 'standard' ? 'standard' : 'sl'}`;
      const lines = (err.errors ?? []).map((e) => `${where(e.path)}: ${e.message}`);
      throw new UsageError(lines.join('\n'));
    }
    throw err;
  }
  const data =
    format === 'xlsx' ? await writeChecksheetWorkbook(checksheet, { lang }) : format === 'csv' ? checksheetCsv(checksheet, lang) : checksheetJson(checksheet);
  if (values.out) {
    const out = resolve(values.out);
    writeAtomically(out, data);
    if (values.json) {
      printJson(io, {
        ok: true,
        document: 'checksheet',
        format,
        lang,
        edition: edition.meta.id,
        ...written(out, data),
        items: checksheet.items.length,
        excluded: checksheet.excluded.length,
      });
      return 0;
    }
    io.err(
      `checksheet: ${checksheet.items.length} items from edition ${edition.meta.id}${checksheet.excluded.length ? `, ${checksheet.excluded.length} left out by the profile` : ''} → ${out}`,
    );
  } else {
    io.out(typeof data === 'string' ? data.replace(/\r?\n$/, '') : '');
  }
  return 0;
}
