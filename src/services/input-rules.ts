import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { CONTROLS_MESSAGE, noControls } from '../core/text-rules.js';

/**
 * Input building blocks shared by the services' schemas, so that the same
 * kind of field is refused with the same words everywhere.
 */

/** Text that must say something: blank after trimming counts as missing; line breaks only when multiline. */
export const requiredText = (max: number, multiline = true) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine(noControls(multiline), coded(multiline ? CONTROLS_MESSAGE : `${CONTROLS_MESSAGE} or line breaks`, 'control-characters'));

/** Text that may be empty after trimming; line breaks only when multiline. */
export const optionalText = (max: number, multiline = true) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(noControls(multiline), coded(multiline ? CONTROLS_MESSAGE : `${CONTROLS_MESSAGE} or line breaks`, 'control-characters'));

/** One line of text that may be left empty: blank becomes null. */
export const optionalLine = (max: number) =>
  optionalText(max, false)
    .nullable()
    .transform((v) => (v ? v : null));

/** The largest row version a client may send back: the databases keep versions as 32-bit integers. */
export const MAX_ROW_VERSION = 2_147_483_647;

/** A row version sent back by a client (optimistic concurrency): a whole number the databases can compare. */
export const rowVersion = (min: 0 | 1) => z.number().int().min(min).max(MAX_ROW_VERSION);

/** A list of ids from a fixed vocabulary (layers, phases…), each at most once; absent means none. */
export const distinctIds = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, coded('must not repeat an id', 'invalid'))
    .default([]);
