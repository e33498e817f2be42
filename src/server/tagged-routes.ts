import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../core/authorization.js';
import { type FieldPlaces, placingFields } from './field-places.js';
import { docSchema, parseInput } from './validate-input.js';

/** What a route declares: its path, the summary of its documentation and the zod inputs it parses. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  url: string;
  summary: string;
  /** More than the summary: what the query's filters mean. */
  description?: string;
  /** The path parameters; left out of the API document, whose paths already name them. */
  params?: P;
  query?: Q;
  /** The JSON body, shown in the API document. */
  body?: B;
  /** Where the service's field errors come in (`fieldsIn('body', 'comment')`): its refusals name them there. */
  places?: FieldPlaces;
  /** A success other than 200: 201 and 202 send the handler's value, 204 sends nothing. */
  status?: 201 | 202 | 204;
  /** Fastify's own options of the route (a body limit, a rate limit). */
  options?: Pick<RouteShorthandOptions, 'bodyLimit' | 'config'>;
}

/** A route's parsed inputs, the caller, and the request and reply for the few that set headers or read the session. */
export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  actor: Actor;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = (input: RouteInput<P, Q, B>) => unknown;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Declare = <P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<P, Q, B>,
  handler: Handler<P, Q, B>,
) => void;

/**
 * Declares routes under one tag list of the API document: each route names
 * its path, summary and zod inputs, and its handler gets them parsed (params,
 * then query, then body: the first bad part is the one answered 400) with the
 * caller, so a route reads as the service call it makes.
 */
export function taggedRoutes(app: FastifyInstance, tags: string[]): Record<Method, Declare> {
  const declarer =
    (method: Method): Declare =>
    <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(spec: RouteSpec<P, Q, B>, handler: Handler<P, Q, B>) => {
      const { summary, description, body } = spec;
      const schema = { tags, summary, ...(description ? { description } : {}), ...(body ? { body: docSchema(body) } : {}) };
      app[method](spec.url, { ...spec.options, schema }, async (request, reply) => {
        const input = {
          actor: request.actor,
          params: spec.params ? parseInput(spec.params, request.params, 'params') : undefined,
          query: spec.query ? parseInput(spec.query, request.query, 'query') : undefined,
          body: spec.body ? parseInput(spec.body, request.body) : undefined,
          request,
          reply,
        } as RouteInput<P, Q, B>;
        const value = await (spec.places ? placingFields(spec.places, () => handler(input)) : handler(input));
        if (spec.status === undefined) return value;
        return spec.status === 204 ? reply.status(204).send() : reply.status(spec.status).send(value);
      });
    };
  return { get: declarer('get'), post: declarer('post'), put: declarer('put'), patch: declarer('patch'), delete: declarer('delete') };
}
