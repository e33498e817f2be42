import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { lazyPackage } from '../runtime/lazy-package.js';

/**
 * Files served as they are on disk (the built web UI, the API documentation's
 * page), one route per file listed when the server starts: a path that is not
 * one of them never reaches the file system. The sending itself (content type,
 * ETag, Last-Modified, conditional and range requests) is @fastify/send's, read
 * when the first file is asked for, not at start-up.
 */
const loadSend = lazyPackage<typeof import('@fastify/send')>('@fastify/send');

/** The files below `root` as URL paths (`/index.html`, `/assets/index-….js`), listed once. */
export function filesBelow(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** Sends the file of `root` at `file`, a path from filesBelow (never one taken from the request). */
export async function sendFileOf(root: string, file: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const sent = await loadSend()(request.raw, encodeURI(file), { root, dotfiles: 'deny' });
  if (sent.type === 'error') throw sent.metadata.error;
  return reply.code(sent.statusCode).headers(sent.headers).send(sent.stream);
}

/**
 * A GET route (HEAD too) for each of `files` below `root`, at `prefix` + the
 * file's path, left out of the API documentation.
 */
export function fileRoutes(app: FastifyInstance, root: string, files: readonly string[], prefix = ''): void {
  for (const file of files) {
    app.get(`${prefix}${file}`, { schema: { hide: true } }, (request, reply) => sendFileOf(root, file, request, reply));
  }
}
