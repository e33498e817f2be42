import { gunzipSync } from 'node:zlib';

/** The JSON body of an injected response, decompressed first when it came gzip-compressed. */
export function jsonOf(res: { headers: Record<string, unknown>; rawPayload: Buffer }) {
  const bytes = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
  return JSON.parse(bytes.toString('utf8'));
}
