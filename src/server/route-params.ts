import { z } from 'zod';

/** An id in a route's path: a record, edition or assessment id. */
export const RouteId = z.string().min(1).max(100);

/** The `:id` parameter every resource route takes; extend it for further parameters. */
export const IdParams = z.object({ id: RouteId });
