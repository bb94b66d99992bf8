import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CsvColumns, CsvPadding, csvRecord } from '../../core/export/csv';

export type ExportFormat = 'json' | 'ndjson' | 'csv';

/** The export could not be written; nothing was left behind and the target is as it was. */
export class ExportWriteError extends Error {
  constructor(readonly target: string, cause: Error) {
    super(`${target} could not be written: ${cause.message}.`, { cause });
    this.name = 'ExportWriteError';
  }
}

/** Mode of an export that replaces no file: only its owner may read it, as the data is the user's project's. */
const privateMode = 0o600;

/**
 * Excel reads a CSV file as UTF-8 only when it starts with a byte order mark (else as the system's ANSI code page,
 * which garbles every accent in a Dutch model's names); other readers skip it.
 */
const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf]);

/** Bytes copied at a time from a CSV export's body to its final file: memory stays flat whatever the export's size. */
const copyChunk = 256 * 1024;

/**
 * Writes an export to a temporary file beside the target and moves it into place only when complete, so a cancelled
 * or failed export never leaves a partial file at the chosen path (nor harms a file already there). The file is
 * private (0600) unless it replaces one, whose mode it keeps: a file is never more readable after an export than
 * before. Every failure to write is an ExportWriteError naming the target and the system's reason.
 *
 * CSV: the header names every column, but a later entity may bring a new one. So the rows go to the body file as
 * pages come, and complete() writes the final file (another temporary one) as BOM + header + the body copied after
 * it, with rows written before a column appeared padded to the full width. An empty collection is an empty file:
 * there is no column to name.
 */
export class ExportFile {
  private readonly body: TemporaryFile;
  private readonly temporaries: TemporaryFile[];
  private mode: Promise<number> | undefined;
  private written = 0;
  private readonly columns = new CsvColumns();
  /** The body's rows in runs of one width (columns only grow, so there are at most as many runs as columns). */
  private readonly runs: { bytes: number; width: number }[] = [];

  constructor(private readonly target: string, private readonly format: ExportFormat) {
    this.body = new TemporaryFile(target, () => this.exportMode());
    this.temporaries = [this.body];
  }

  async add(items: readonly unknown[]): Promise<void> {
    const page = new PageBytes();
    if (this.format === 'csv') {
      for (const item of items) this.columns.add(item); // a page's rows share one width: fewer runs to pad
      for (const item of items) page.append(csvRecord(this.columns.row(item)));
      this.written += items.length;
    } else {
      for (const item of items) {
        if (this.format === 'json') page.append(this.written === 0 ? '[\n  ' : ',\n  ');
        page.append(JSON.stringify(item));
        if (this.format === 'ndjson') page.append('\n');
        this.written++;
      }
    }
    const bytes = page.bytes();
    await this.write(this.body, bytes);
    if (this.format === 'csv' && bytes.length > 0) this.noteRun(bytes.length);
  }

  /** Finishes the file and moves it to the target. */
  async complete(): Promise<number> {
    if (this.format === 'json') await this.write(this.body, new TextEncoder().encode(this.written === 0 ? '[]\n' : '\n]\n'));
    if (this.format === 'csv' && this.written > 0) {
      const final = new TemporaryFile(this.target, () => this.exportMode());
      this.temporaries.push(final);
      await this.write(final, new Uint8Array([...utf8Bom, ...new TextEncoder().encode(csvRecord(this.columns.keys))]));
      await this.failsAs(() => this.copyBody(final));
      await this.failsAs(async () => {
        await this.body.remove();
        await final.close();
        await fs.rename(final.path, this.target);
      });
      return this.written;
    }
    await this.failsAs(async () => {
      await this.body.close();
      await fs.rename(this.body.path, this.target);
    });
    return this.written;
  }

  /** Gives up: the temporary files are removed and the target is left as it was. */
  async discard(): Promise<void> {
    for (const temporary of this.temporaries) await temporary.remove();
  }

  /** The mode of the file that will be replaced, else private; asked once, for every temporary file. */
  private exportMode(): Promise<number> {
    this.mode ??= fs.stat(this.target).then(stat => stat.mode & 0o777, () => privateMode);
    return this.mode;
  }

  private noteRun(bytes: number): void {
    const width = Math.max(1, this.columns.size); // a record of no columns was written as one empty field
    const last = this.runs.at(-1);
    if (last?.width === width) last.bytes += bytes;
    else this.runs.push({ bytes, width });
  }

  /** Appends the body's rows to the final file, a chunk at a time, padding the runs narrower than the header. */
  private async copyBody(final: TemporaryFile): Promise<void> {
    const source = await this.body.opened();
    const buffer = new Uint8Array(copyChunk);
    const width = Math.max(1, this.columns.size);
    let position = 0;
    for (const run of this.runs) {
      const padding = new CsvPadding(width - run.width);
      for (const end = position + run.bytes; position < end;) {
        const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, end - position), position);
        if (bytesRead === 0) throw new Error('the rows written so far could not be read back');
        position += bytesRead;
        await final.write(padding.pad(buffer.subarray(0, bytesRead)));
      }
    }
  }

  private write(file: TemporaryFile, bytes: Uint8Array): Promise<void> {
    return this.failsAs(() => file.write(bytes));
  }

  /** Runs a step of writing; a failure removes the temporary files and becomes an ExportWriteError. */
  private async failsAs<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      await this.discard().catch(() => undefined); // the reason to report is the first failure
      throw error instanceof ExportWriteError ? error : new ExportWriteError(this.target, error as Error);
    }
  }
}

/** A file beside the target, created on first use. */
class TemporaryFile {
  readonly path: string;
  private handle: Promise<fs.FileHandle> | undefined;

  constructor(target: string, private readonly mode: () => Promise<number>) {
    this.path = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  }

  /** Opens the file, new (never following a link planted there), with the export's mode; readable for the copy. */
  opened(): Promise<fs.FileHandle> {
    this.handle ??= (async () => {
      const mode = await this.mode();
      const handle = await fs.open(this.path, 'wx+', mode);
      try {
        await handle.chmod(mode); // the process's umask applied at creation: set exactly the mode meant
      } catch (error) {
        await handle.close();
        throw error;
      }
      return handle;
    })();
    return this.handle;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const handle = await this.opened();
    for (let offset = 0; offset < bytes.length;) offset += (await handle.write(bytes, offset)).bytesWritten;
  }

  async close(): Promise<void> {
    await (await this.opened()).close();
  }

  /** Closes and deletes the file, if it was ever created; harmless when done already. */
  async remove(): Promise<void> {
    const handle = await this.handle?.catch(() => undefined);
    if (!handle) return; // never created
    await handle.close().catch(() => undefined); // closed already when the failure came after the last write
    await fs.rm(this.path, { force: true });
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
