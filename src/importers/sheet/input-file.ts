import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * A file an importer reads, opened once. Its head (the first 64 kB) is read on opening and kept:
 * recognising the file (zip or text, JSON or CSV, which header) looks only at the head, and reading
 * the whole file continues from where the head ends, through the same handle. Nothing is read twice.
 */

/** Enough of a file's start to hold a header row and a few data rows, for every sniff. */
export const HEAD_BYTES = 64 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export class InputFile {
  private consumed = false;

  private constructor(
    /** The path as given. */
    readonly path: string,
    private readonly handle: FileHandle,
    /** The first HEAD_BYTES of the file, or all of a shorter one. */
    readonly head: Buffer,
    /** Size when opened. */
    readonly size: number,
  ) {}

  /** Opens a file and reads its head. Throws `<file>: cannot read the file (...)` or `<file>: not a file`. */
  static async open(file: string): Promise<InputFile> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      throw new Error(`${file}: cannot read the file (${(error as Error).message})`);
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new Error(`${file}: not a file`);
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, Math.max(info.size, 1)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return new InputFile(file, handle, buffer.subarray(0, bytesRead), info.size);
    } catch (error) {
      await handle.close();
      if ((error as Error).message.startsWith(`${file}:`)) throw error;
      throw new Error(`${file}: cannot read the file (${(error as Error).message})`);
    }
  }

  /** An XLSX (or any zip): the four bytes every zip starts with. */
  get isZip(): boolean {
    return this.head.length >= 4 && this.head.subarray(0, 4).equals(ZIP_MAGIC);
  }

  /** The whole file is in the head. */
  get complete(): boolean {
    return this.head.length >= this.size;
  }

  /** The head as text without a BOM, cut to whole lines unless the whole file fits in it. */
  headText(): string {
    let text = this.head.toString('utf8').replace(/^\uFEFF/, '');
    if (!this.complete) text = text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1));
    return text;
  }

  /** The whole file: the head kept from opening, then the rest read on from it. Once per file. */
  async readAll(): Promise<Buffer> {
    this.take();
    const chunks: Buffer[] = [this.head];
    let position = this.head.length;
    for (;;) {
      const buffer = Buffer.alloc(Math.max(HEAD_BYTES, this.size - position));
      const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return chunks.length === 1 ? this.head : Buffer.concat(chunks);
  }

  /** The whole file as a stream (for the XLSX reader): the head, then the rest from the same handle. Once per file. */
  stream(): Readable {
    this.take();
    const { head, handle } = this;
    return Readable.from(
      (async function* () {
        yield head;
        // autoClose off: the handle is closed by close(), whoever ends first.
        for await (const chunk of handle.createReadStream({ start: head.length, autoClose: false })) yield chunk as Buffer;
      })(),
      { objectMode: false },
    );
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private take(): void {
    if (this.consumed) throw new Error(`${this.path}: read twice; an InputFile is read once`);
    this.consumed = true;
  }
}

/** Opens a file, hands it to `work`, and closes it whatever happens. */
export async function withInputFile<T>(file: string, work: (input: InputFile) => Promise<T>): Promise<T> {
  const input = await InputFile.open(file);
  try {
    return await work(input);
  } finally {
    await input.close();
  }
}
