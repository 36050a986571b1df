import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { invalidFile } from './errors';

/** One member of a zip as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** What a caller allows one entry to inflate to; checked against the directory and while inflating. */
export interface EntryReadOptions {
  limit: number;
  signal?: AbortSignal;
  /** Compressed bytes read so far, after each inflated chunk. */
  onRead?: (compressedRead: number, compressedTotal: number) => void;
}

export const ENTRY_LIMITS = {
  sheet: 4 * 1024 ** 3,
  sharedStrings: 512 * 1024 ** 2,
  /** workbook.xml, rels, styles: read whole, so kept small. */
  small: 64 * 1024 ** 2,
};

const SIG = { eocd: 0x06054b50, zip64Locator: 0x07064b50, zip64Eocd: 0x06064b50, central: 0x02014b50, local: 0x04034b50 };
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 100_000;
/** Inflated chunk size: big enough that per-chunk overhead vanishes, small enough to stay cache-friendly. */
const INFLATE_CHUNK = 1024 * 1024;

/**
 * A zip read straight from its file: the central directory is read once, each entry is streamed
 * from its local header and inflated by Node's zlib, so a 75 MB workbook never sits in memory whole.
 */
export class ZipReader {
  private constructor(
    readonly path: string,
    readonly fileName: string,
    readonly size: number,
    private readonly byName: Map<string, ZipEntry>,
  ) {}

  static async open(path: string, fileName: string): Promise<ZipReader> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const entries = await readDirectory(handle, size, fileName);
      const byName = new Map<string, ZipEntry>();
      // Part names are case-insensitive in OPC; some writers also use backslashes.
      for (const entry of entries) byName.set(normalizeName(entry.name), entry);
      return new ZipReader(path, fileName, size, byName);
    } finally {
      await handle.close();
    }
  }

  names(): string[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  entry(name: string): ZipEntry | null {
    return this.byName.get(normalizeName(name)) ?? null;
  }

  /** The whole entry, inflated (for the small parts: workbook, rels, styles). */
  async readAll(entry: ZipEntry, options: EntryReadOptions): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(entry, options)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** The entry's inflated bytes, chunk by chunk; stops a bomb or a lying directory as soon as it shows. */
  async *chunks(entry: ZipEntry, options: EntryReadOptions): AsyncGenerator<Buffer> {
    const invalid = invalidFile(this.fileName);
    if (entry.flags & 1) throw invalid('được đặt mật khẩu. Hãy gỡ mật khẩu trong Excel rồi chọn lại.', { entry: entry.name });
    if (entry.method !== 0 && entry.method !== 8) throw invalid(`dùng kiểu nén không hỗ trợ (phương thức ${entry.method} ở phần "${entry.name}"). Hãy mở bằng Excel và lưu lại dạng .xlsx.`, { entry: entry.name });
    if (entry.uncompressedSize > options.limit) throw invalid('có nội dung giải nén quá lớn; không mở để bảo vệ máy.', { entry: entry.name, declared: entry.uncompressedSize });
    const start = await this.dataStart(entry);
    if (start + entry.compressedSize > this.size) throw invalid('bị hỏng hoặc không tải về đầy đủ (tệp nén bị cắt cụt).', { entry: entry.name });
    if (entry.compressedSize === 0) return;
    const source = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1024 * 1024 });
    // highWaterMark is a stream option zlib passes through: a few chunks buffered let inflating
    // (libuv pool) run while the caller scans the previous chunk.
    const zlibOptions = { chunkSize: INFLATE_CHUNK, highWaterMark: 4 * INFLATE_CHUNK };
    const stream = entry.method === 8 ? createInflateRaw(zlibOptions) : null;
    if (stream) {
      source.on('error', (error) => stream.destroy(error));
      source.pipe(stream);
    }
    let inflated = 0;
    const ceiling = Math.min(options.limit, entry.uncompressedSize);
    try {
      for await (const chunk of (stream ?? source) as AsyncIterable<Buffer>) {
        if (options.signal?.aborted) return;
        inflated += chunk.length;
        if (inflated > ceiling) {
          throw inflated > options.limit
            ? invalid('có nội dung giải nén quá lớn; không mở để bảo vệ máy.', { entry: entry.name })
            : invalid(`bị hỏng: phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo (có thể là tệp độc hại).`, { entry: entry.name });
        }
        options.onRead?.(source.bytesRead, entry.compressedSize);
        yield chunk;
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FILE_INVALID') throw error;
      throw invalid(`bị hỏng hoặc không tải về đầy đủ (phần "${entry.name}" không giải nén được).`, { entry: entry.name, reason: String((error as Error).message ?? error) });
    } finally {
      source.destroy();
      stream?.destroy();
    }
    if (!options.signal?.aborted && inflated !== entry.uncompressedSize) {
      throw invalid(`bị hỏng hoặc không tải về đầy đủ (phần "${entry.name}" ngắn hơn kích thước khai báo).`, { entry: entry.name });
    }
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    const handle = await open(this.path, 'r');
    try {
      const header = await readAt(handle, entry.localHeaderOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== SIG.local) throw invalidFile(this.fileName)('bị hỏng (tệp nén không đọc được).', { entry: entry.name });
      return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    } finally {
      await handle.close();
    }
  }
}

function normalizeName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

function uint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

async function readDirectory(handle: FileHandle, size: number, fileName: string): Promise<ZipEntry[]> {
  const broken = () => invalidFile(fileName)('bị hỏng hoặc không tải về đầy đủ (tệp nén không đọc được).');
  const tailLength = Math.min(size, 22 + 65535);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG.eocd) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: the locator sits right before the classic record and points at the 64-bit one.
    const locatorAt = size - tailLength + eocd - 20;
    if (locatorAt < 0) throw broken();
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.readUInt32LE(0) !== SIG.zip64Locator) throw broken();
    const record = await readAt(handle, uint64(locator, 8), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== SIG.zip64Eocd) throw broken();
    count = uint64(record, 32);
    directorySize = uint64(record, 40);
    directoryOffset = uint64(record, 48);
  }
  if (count > MAX_ENTRIES || directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) throw broken();
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== SIG.central) throw broken();
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The ZIP64 extra field holds, in order, only the sizes/offset the directory set to 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const take = () => {
        if (field + 8 > at + 4 + length) return null;
        const value = uint64(extra, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + length;
  }
}
