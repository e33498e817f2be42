/**
 * Sequential reads of exact byte counts from a stream (a file, a gunzip or an
 * `xz -dc` pipe), so the archive readers are plain sequential code and never
 * hold more than one chunk plus what they asked for in memory.
 */
import { UnpackError } from './unpack.types.js';

export class ByteSource {
  private readonly iterator: AsyncIterator<Buffer>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private ended = false;
  /** Bytes consumed so far (the offset in the decoded stream). */
  position = 0;

  constructor(
    stream: AsyncIterable<Buffer>,
    private readonly what: string,
  ) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Fills the buffer until `n` bytes are available or the stream ends; returns how many are. */
  private async fill(n: number): Promise<number> {
    while (this.pendingBytes < n && !this.ended) {
      const next = await this.iterator.next().catch((err: Error & { code?: string }) => {
        if (err instanceof UnpackError) throw err;
        // zlib's "unexpected end of file": the compressed stream stops early
        if (err.code === 'Z_BUF_ERROR') throw new UnpackError('truncated', `${this.what}: the compressed stream ends early (${err.message})`);
        throw new UnpackError('unreadable', `${this.what}: ${err.message}`);
      });
      if (next.done) this.ended = true;
      else {
        this.pending.push(next.value);
        this.pendingBytes += next.value.length;
      }
    }
    return Math.min(n, this.pendingBytes);
  }

  /** The next `n` bytes without consuming them (fewer at the end of the stream). */
  async peek(n: number): Promise<Buffer> {
    const have = await this.fill(n);
    const joined = Buffer.concat(this.pending);
    this.pending = [joined];
    return joined.subarray(0, have);
  }

  /** Exactly `n` bytes; a stream that ends first is a truncated archive. */
  async read(n: number): Promise<Buffer> {
    const have = await this.fill(n);
    if (have < n) throw new UnpackError('truncated', `${this.what} ends after ${this.position + have} bytes, inside an entry`);
    return this.take(n);
  }

  /** Whether the stream has no more bytes. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** Hands `n` bytes to `sink` chunk by chunk, without joining them. */
  async stream(n: number, sink: (chunk: Buffer) => void): Promise<void> {
    let left = n;
    while (left > 0) {
      if (this.pendingBytes === 0) {
        const have = await this.fill(1);
        if (have === 0) throw new UnpackError('truncated', `${this.what} ends after ${this.position} bytes, inside an entry`);
      }
      const head = this.pending[0] as Buffer;
      const part = head.length <= left ? head : head.subarray(0, left);
      this.take(part.length);
      sink(part);
      left -= part.length;
    }
  }

  async skip(n: number): Promise<void> {
    await this.stream(n, () => {});
  }

  /** Stops reading: closes the file or pipe behind the stream. */
  close(): void {
    this.ended = true;
    this.iterator.return?.().catch(() => {});
  }

  private take(n: number): Buffer {
    const out: Buffer[] = [];
    let left = n;
    while (left > 0) {
      const head = this.pending[0] as Buffer;
      if (head.length <= left) {
        out.push(head);
        this.pending.shift();
        left -= head.length;
      } else {
        out.push(head.subarray(0, left));
        this.pending[0] = head.subarray(left);
        left = 0;
      }
    }
    this.pendingBytes -= n;
    this.position += n;
    return out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out);
  }
}
