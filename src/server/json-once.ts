import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Encoded {
  plain: Buffer;
  /** Compressed on the second answer: most entries of a cache are asked for once. */
  gzip?: Buffer;
  answered: number;
}

const encoded = new WeakMap<object, Encoded>();

/** Whether the client takes gzip (browsers always do): `gzip` or `*` listed without q=0. */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  if (typeof acceptEncoding !== 'string') return false;
  return acceptEncoding.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a value that is answered many times unchanged (an entry of a service's
 * cache) as JSON serialised and encoded on its first answer only and, for a
 * client that takes gzip, compressed once when it is asked for again. The results of an assessment are some
 * 60 kB of JSON (8 kB compressed); serialising and sending them each time cost
 * more than everything else the request does.
 */
export function sendJsonOnce(request: FastifyRequest, reply: FastifyReply, value: object): FastifyReply {
  let entry = encoded.get(value);
  if (entry === undefined) {
    entry = { plain: Buffer.from(JSON.stringify(value)), answered: 0 };
    encoded.set(value, entry);
  }
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  entry.answered += 1;
  if (entry.answered === 1 || !acceptsGzip(request.headers['accept-encoding'])) return reply.send(entry.plain);
  entry.gzip ??= gzipSync(entry.plain, { level: 6 });
  return reply.header('content-encoding', 'gzip').send(entry.gzip);
}

/** Sends JSON kept gzip-compressed (e.g. results kept with an assessment): as it is to a client that takes gzip, else decompressed. */
export function sendGzippedJson(request: FastifyRequest, reply: FastifyReply, gzipJson: Buffer): FastifyReply {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(gunzipSync(gzipJson));
  return reply.header('content-encoding', 'gzip').send(gzipJson);
}

/** UTF-8 JSON of objects that many answers share unchanged, by identity: made once, kept while the object lives. */
const sharedJson = new WeakMap<object, Buffer>();

/**
 * The JSON of `value` with `shared` under `name` (first), as UTF-8 bytes, where
 * `shared` is an object many answers carry unchanged, such as an assessment's
 * frozen items (one cached array per checksheet, most of the 0.5 MB of an
 * assessment): serialised and encoded once, not on every answer. Bytes, not a
 * string: a string of that size would be measured and encoded again on every
 * send. `value` must not have `name` itself.
 */
export function jsonWithShared(value: object, name: string, shared: object): Buffer {
  let part = sharedJson.get(shared);
  if (part === undefined) {
    part = Buffer.from(JSON.stringify(shared));
    sharedJson.set(shared, part);
  }
  const rest = JSON.stringify(value);
  return Buffer.concat([Buffer.from(`{${JSON.stringify(name)}:`), part, Buffer.from(rest === '{}' ? '}' : `,${rest.slice(1)}`)]);
}
