import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../../core/authorization.js';
import { AppError } from '../../core/errors.js';
import { exportVex } from '../../services/sboms.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, JSON_OPTION, jsonFlag, printFailure, printReport, UsageError, written } from '../output.js';
import { writeAtomically } from '../write-file.js';

export const exportVexHelp =
  'export vex --product ID --version V --format openvex|cyclonedx --out FILE [--json]   the triage of a product version as OpenVEX or CycloneDX VEX (--json: the status as JSON)';

/** The operator at the console reads like an administrator (the CLI has the database itself); it never writes here. */
const OPERATOR: Actor = { kind: 'user', userId: 'cli-operator', role: 'admin', organisationId: null };

/** bin/tebiki export vex. */
export async function exportVexCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { product: { type: 'string' }, version: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...JSON_OPTION },
    strict: true,
  });
  const output = jsonFlag(values.json);
  if (!values.product || !values.version) throw new UsageError('--product ID and --version V are required');
  if (values.format !== 'openvex' && values.format !== 'cyclonedx') throw new UsageError('--format must be openvex or cyclonedx');
  if (!values.out) throw new UsageError('--out FILE is required');
  const { product, version, format } = values;
  const out = resolve(values.out);
  try {
    const doc = await withStore((store, config) => exportVex({ store, config, now: () => new Date() }, OPERATOR, product, version, format));
    const data = `${JSON.stringify(doc, null, 2)}\n`;
    writeAtomically(out, data);
    printReport(
      io,
      output,
      () => ({
        ok: true,
        document: 'vex',
        format,
        product,
        version,
        ...written(out, data),
        statements: statementCount(doc),
      }),
      () => `wrote ${format} VEX for ${product} ${version} to ${out}`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    printFailure(io, output, 'export vex', { code: err.code, message: err.message }, { product, version });
    return 1;
  }
}

/** OpenVEX lists statements, CycloneDX vulnerabilities: one per vulnerability either way. */
function statementCount(doc: object): number {
  const lists = doc as { statements?: unknown; vulnerabilities?: unknown };
  const list = lists.statements ?? lists.vulnerabilities;
  return Array.isArray(list) ? list.length : 0;
}
