import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

/** Assessments (診断): created for a member's product, answered, finalised, reported. */
export async function assessmentRoutes(_app: FastifyInstance, _opts: { ctx: ServiceContext }) {}
