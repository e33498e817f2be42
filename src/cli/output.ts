/** Output helpers shared by CLI commands: one JSON document, or text. */
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

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`--format must be text or json, not "${value}"`);
}

export function printJson(io: CommandIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
