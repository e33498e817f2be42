import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../../core/authorization.js';
import { AppError } from '../../core/errors.js';
import { isPackScheme, PACK_SCHEMES } from '../../core/packs/pack.types.js';
import { closePdfBrowser } from '../../reports/pdf-browser.js';
import { conformityPack } from '../../services/packs.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, parseFormat, printFailure, printReport, UsageError, written } from '../output.js';
import { writeAtomically } from '../write-file.js';

export const packHelp = `pack --assessment ID --scheme ${PACK_SCHEMES.join('|')} [--lang ja|en] --out FILE.zip [--format text|json]   a conformity pack of a final assessment or an accepted self-assessment (exit 0 complete, 3 draft with gaps, 1 refused)`;

/** The operator at the console reads like an administrator (the CLI has the database itself); a pack only reads. */
const OPERATOR: Actor = { kind: 'user', userId: 'cli-operator', role: 'admin', organisationId: null };

/** Exit code of a pack written as a draft: something the scheme needs is missing (listed on stderr). */
export const DRAFT_EXIT = 3;

/** bin/tebiki pack. */
export async function packCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { assessment: { type: 'string' }, scheme: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    strict: true,
  });
  const format = parseFormat(values.format);
  if (!values.assessment) throw new UsageError('--assessment ID is required');
  if (!values.scheme || !isPackScheme(values.scheme)) throw new UsageError(`--scheme must be one of ${PACK_SCHEMES.join(', ')}`);
  const lang = values.lang ?? 'ja';
  if (lang !== 'ja' && lang !== 'en') throw new UsageError('--lang must be ja or en');
  if (!values.out) throw new UsageError('--out FILE.zip is required');
  const { assessment, scheme } = values;
  const out = resolve(values.out);
  try {
    const result = await withStore((store, config) => conformityPack({ store, config, now: () => new Date() }, OPERATOR, assessment, scheme, lang)).finally(
      closePdfBrowser,
    );
    writeAtomically(out, result.zip);
    const { state, gaps } = result.pack.check;
    printReport(
      io,
      format,
      () => ({
        ok: state === 'complete',
        document: 'pack',
        scheme,
        assessment,
        lang,
        state,
        ...written(out, result.zip),
        gaps: gaps.map((g) => ({ code: g.code, target: g.target ?? null, message: g.message[lang] })),
      }),
      () => `wrote ${state} ${scheme} pack of assessment ${assessment} (${lang}) to ${out}`,
    );
    if (state === 'complete') return 0;
    if (format === 'text')
      io.err([`the pack is a DRAFT: ${gaps.length} gap(s)`, ...gaps.map((g) => `  ${g.code}${g.target ? ` ${g.target}` : ''}: ${g.message[lang]}`)].join('\n'));
    return DRAFT_EXIT;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    printFailure(io, format, 'pack', { code: err.code, message: err.message }, { assessment, scheme });
    return 1;
  }
}
