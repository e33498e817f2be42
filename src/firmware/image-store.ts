/**
 * Firmware images under the data folder, named by their SHA-256
 * (`<dataDir>/firmware/images/<sha256>`), never in the database. An upload is
 * streamed to a temporary file while it is hashed and counted, and refused
 * (the partial file removed) as soon as it passes the size limit.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class ImageTooLargeError extends Error {}

export interface StoredImage {
  sha256: string;
  size: number;
  path: string;
}

export function firmwareDir(dataDir: string): string {
  return join(dataDir, 'firmware');
}

export function imagePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return join(firmwareDir(dataDir), 'images', sha256);
}

/** Where analyses unpack (each in its own folder, deleted when done). */
export function workDir(dataDir: string): string {
  const dir = join(firmwareDir(dataDir), 'work');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export async function storeImage(dataDir: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream, maxBytes: number): Promise<StoredImage> {
  const dir = join(firmwareDir(dataDir), 'images');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const staging = join(dir, `.upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new ImageTooLargeError(`the image is larger than the limit of ${maxBytes} bytes (TEBIKI_FIRMWARE_MAX_MB)`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // opened here, not lazily by the stream: a refused upload must not leave a file created after its removal
  const fd = openSync(staging, 'wx', 0o600);
  try {
    await pipeline(body, meter, createWriteStream('', { fd }));
  } catch (err) {
    rmSync(staging, { force: true });
    throw err;
  }
  const sha256 = hash.digest('hex');
  const path = imagePath(dataDir, sha256);
  if (existsSync(path)) rmSync(staging);
  else renameSync(staging, path);
  return { sha256, size, path };
}
