import type { AppError } from '../core/errors.js';

/**
 * The one output helper of the CLI: every command answers as text for a person
 * or, when asked, as one JSON document on stdout.
 *
 * - `--format text|json` chooses how a report or a status is printed. Where
 *   `--format` already names the document a command writes (checksheet,
 *   guidebook, export vex), `--json` prints that command's status line as JSON.
 * - A status of a written file names it `out` (absolute path) and `bytes`,
 *   beside the command's own counts; `ok` is true when the exit code is 0.
 * - A refusal after the command line was understood (exit 1, or 3 for a draft
 *   pack) is, with JSON asked, `{ ok: false, error: { code, message, errors? } }`
 *   on stdout; in text it is a `tebiki <command>: message` line on stderr.
 * - A usage error (exit 2) is always text on stderr and leaves stdout empty, so a
 *   script tells "not understood" from an answer. Progress and warnings go to
 *   stderr as text in both modes.
 */
export type OutputFormat = 'text' | 'json';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CommandIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export class UsageError extends Error {}

/** One subcommand of a command: how it is called after the command's name, and what runs it. */
export interface Subcommand {
  usage: string;
  run(args: string[], io: CommandIO): Promise<number>;
}

/** Runs the subcommand the first argument names; anything else is refused with the list of those that exist. */
export function runSubcommand(command: string, subcommands: Readonly<Record<string, Subcommand>>, args: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = args;
  const chosen = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (chosen) return chosen.run(rest, io);
  const calls = Object.values(subcommands).map((s) => `"${command} ${s.usage}"`);
  throw new UsageError(`expected ${calls.slice(0, -1).join(', ')} or ${calls.at(-1)}`);
}

/** The `parseArgs` option of commands whose `--format` names the document they write. */
export const JSON_OPTION = { json: { type: 'boolean' } } as const;

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`--format must be text or json, not "${value}"`);
}

/** `--json` given: the status is printed as JSON. */
export function jsonFlag(value: boolean | undefined): OutputFormat {
  return value === true ? 'json' : 'text';
}

/** Whether a command line asks for JSON (`--format json`, `--format=json` or `--json`), read before its options are parsed. */
export function jsonAsked(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--json' || a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}

export function printJson(io: CommandIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** A report or a status as it is printed or written: the JSON value, or the text a person reads. */
export function renderReport(format: OutputFormat, json: () => unknown, text: () => string): string {
  return format === 'json' ? JSON.stringify(json(), null, 2) : text();
}

/** Prints a report or a status: the JSON value, or the text a person reads. */
export function printReport(io: CommandIO, format: OutputFormat, json: () => unknown, text: () => string): void {
  io.out(renderReport(format, json, text));
}

/** Prints a command's result: as JSON, or as the text `render` makes of it. */
export function printView<T>(io: CommandIO, format: OutputFormat, view: T, render: (view: T) => string): void {
  printReport(
    io,
    format,
    () => view,
    () => render(view),
  );
}

/** What a command writes to a file: where, and how big. */
export interface WrittenFile {
  out: string;
  bytes: number;
}

export function written(out: string, data: string | Uint8Array): WrittenFile {
  return { out, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength };
}

export interface Failure {
  code: string;
  message: string;
  errors?: readonly { path: string; message: string }[];
}

/** A refusal the services raised, as the CLI reports it. */
export function failureOf(err: AppError): Failure {
  return err.errors ? { code: err.code, message: err.message, errors: err.errors } : { code: err.code, message: err.message };
}

/** The JSON of a refusal: `{ ok: false, ...extra, error: { code, message, errors? } }`. */
export function failureJson(failure: Failure, extra: Record<string, unknown> = {}) {
  const { code, message, errors } = failure;
  return { ok: false, ...extra, error: { code, message, ...(errors && errors.length > 0 ? { errors } : {}) } };
}

/** Prints a refusal: as JSON on stdout, or as `tebiki <command>: message` (and one line per field error) on stderr. */
export function printFailure(io: CommandIO, format: OutputFormat, command: string, failure: Failure, extra: Record<string, unknown> = {}): void {
  if (format === 'json') {
    printJson(io, failureJson(failure, extra));
    return;
  }
  io.err(`tebiki ${command}: ${failure.message}`);
  for (const e of failure.errors ?? []) io.err(`  ${e.path}: ${e.message}`);
}
