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
    let text = '';
    for (const item of items) {
      const json = JSON.stringify(item);
      text += this.format === 'ndjson' ? `${json}\n` : `${this.written === 0 ? '[\n' : ',\n'}  ${json}`;
      this.written++;
    }
    await this.write(text);
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

  private write(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.stream.write(text, error => error && reject(error))) this.stream.once('drain', resolve);
      else resolve();
    });
  }
}
