import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

/** Checksheets generated from an edition, previewed or downloaded without an assessment. */
export async function checksheetRoutes(_app: FastifyInstance, _opts: { ctx: ServiceContext }) {}
