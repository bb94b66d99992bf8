import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';

export type ExportFormat = 'json' | 'ndjson';

/**
 * Writes an export to a temporary file beside the target and moves it into place only when complete, so a cancelled
 * or failed export never leaves a partial file at the chosen path (nor harms a file already there).
 */
export class ExportFile {
  private readonly temporary: string;
  private readonly stream: WriteStream;
  private written = 0;

  constructor(private readonly target: string, private readonly format: ExportFormat) {
    this.temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
    this.stream = createWriteStream(this.temporary, { flags: 'wx' });
  }

  async add(items: readonly unknown[]): Promise<void> {
    const page = new PageBytes();
    for (const item of items) {
      if (this.format === 'json') page.append(this.written === 0 ? '[\n  ' : ',\n  ');
      page.append(JSON.stringify(item));
      if (this.format === 'ndjson') page.append('\n');
      this.written++;
    }
    await this.write(page.bytes());
  }

  /** Finishes the file and moves it to the target. */
  async complete(): Promise<number> {
    if (this.format === 'json') await this.write(this.written === 0 ? '[]\n' : '\n]\n');
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => error ? reject(error) : resolve()));
    await fs.rename(this.temporary, this.target);
    return this.written;
  }

  /** Gives up: the temporary file is removed and the target is left as it was. */
  async discard(): Promise<void> {
    await new Promise<void>(resolve => this.stream.destroyed ? resolve() : this.stream.destroy().once('close', () => resolve()));
    await fs.rm(this.temporary, { force: true });
  }

  private write(chunk: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.stream.write(chunk, error => error && reject(error))) this.stream.once('drain', resolve);
      else resolve();
    });
  }
}

/**
 * A page's entries encoded as UTF-8 straight into one buffer, piece by piece. Joining them into one string and
 * writing that made V8 copy the thousands of pieces into one flat string and then encode it: 3–4 ms for a page of
 * 1,000 entities instead of about 1 ms.
 */
class PageBytes {
  private static readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(64 * 1024);
  private length = 0;

  append(text: string): void {
    const most = this.length + text.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (most > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(most, this.buffer.length * 2));
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
    }
    this.length += PageBytes.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
