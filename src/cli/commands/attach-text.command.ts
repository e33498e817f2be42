import { readFileSync } from 'node:fs';
import { ANONYMOUS } from '../../core/authorization.js';
import { AppError } from '../../core/errors.js';
import { attachCatalogToStandard } from '../../services/attached-texts.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, failureOf, type OutputFormat, printFailure, printJson, UsageError } from '../output.js';
import { commandEdition } from '../edition-option.js';

/**
 * bin/tebiki import oscal FILE --attach-to STANDARD_ID: stores the publisher's
 * own requirement text beside a bundled standard (the latest published
 * edition's, else the bundled content's). Refused for standards that do not
 * allow it; a catalog whose ids differ is reported id by id; nothing stored then.
 */
export async function attachTextCommand(file: string, standardId: string, format: OutputFormat, io: CommandIO): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const standards = (await commandEdition({})).edition.standards;
  const standard = standards.find((s) => s.id === standardId);
  if (!standard) throw new UsageError(`--attach-to: no standard "${standardId}"; known: ${standards.map((s) => s.id).join(', ')}`);
  try {
    const outcome = await withStore((store, config) =>
      attachCatalogToStandard({ store, config, now: () => new Date() }, ANONYMOUS, { standard, text, fileName: file }),
    );
    if (format === 'json') printJson(io, { ok: true, ...outcome });
    else io.out(`${outcome.status}: ${outcome.statements} statements, ${outcome.withdrawn} withdrawn to ${outcome.standardId}\n  ${outcome.citation}`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    printFailure(io, format, 'import', failureOf(err));
    return 1;
  }
}
