import { EditionSourceError, type ResolvedEdition, resolveEdition } from '../publish/edition-source.js';
import { UsageError } from './output.js';

/** The options a command that reads an edition takes: `--edition ID` or `--content DIR` (see commandEdition). */
export const EDITION_OPTIONS = { edition: { type: 'string' }, content: { type: 'string' } } as const;

/** `--edition` and `--content` name two sources of an edition: a command takes one at the most. */
export function refuseBothEditionSources(values: { edition?: string | undefined; content?: string | undefined }): void {
  if (values.edition !== undefined && values.content !== undefined) throw new UsageError('give --edition or --content, not both');
}

/**
 * The edition a command reads (`--edition ID`, `--content DIR`, else the
 * database's latest published edition or the bundled content); one that
 * cannot be had is a usage error whose message says why.
 */
export async function commandEdition(options: Parameters<typeof resolveEdition>[0]): Promise<ResolvedEdition> {
  try {
    return await resolveEdition(options);
  } catch (err) {
    if (err instanceof EditionSourceError) throw new UsageError(err.message);
    throw err;
  }
}
