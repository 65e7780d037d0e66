/**
 * A streamed zip writer (PKWARE APPNOTE 6.3: deflate, UTF-8 names, sizes in data descriptors), so
 * an export of any size leaves a chunk at a time: memory stays flat whatever the files weigh. No
 * ZIP64: an entry or the archive over 4 GiB is refused (a data subject's complaints are far below).
 */
import { Readable, pipeline } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

export type ZipSource = Buffer | string | AsyncIterable<Buffer>;

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

const LIMIT = 0xffffffff;
const FLAGS = 0x0808; // bit 3: sizes follow the data; bit 11: the name is UTF-8

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((Math.max(d.getUTCFullYear(), 1980) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

async function* asChunks(source: ZipSource): AsyncIterable<Buffer> {
  if (typeof source === 'string') yield Buffer.from(source, 'utf8');
  else if (Buffer.isBuffer(source)) yield source;
  else yield* source;
}

export interface ZipEntry {
  name: string;
  source: ZipSource;
}

/**
 * The zip of the given entries, produced as they are consumed. `stamp` is the entries' time as
 * the wall clock of the company (a local time written in the UTC fields, as zip has no zone).
 */
export function zipStream(entries: AsyncIterable<ZipEntry>, stamp: Date): Readable {
  return Readable.from(zipChunks(entries, stamp));
}

async function* zipChunks(entries: AsyncIterable<ZipEntry>, stamp: Date): AsyncGenerator<Buffer> {
  const central: CentralEntry[] = [];
  const { time, date } = dosTime(stamp);
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // crc and sizes (14..25) stay 0: they follow in the data descriptor
    local.writeUInt16LE(name.length, 26);
    const headerOffset = offset;
    yield local;
    yield name;
    offset += local.length + name.length;

    let crc = 0;
    let size = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of asChunks(entry.source)) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    }
    const deflate = createDeflateRaw();
    pipeline(Readable.from(counted()), deflate, (err) => {
      if (err) deflate.destroy(err);
    });
    let compressed = 0;
    for await (const out of deflate as AsyncIterable<Buffer>) {
      compressed += out.length;
      yield out;
    }
    offset += compressed;
    if (size > LIMIT || compressed > LIMIT || offset > LIMIT) throw new Error(`zip entry ${entry.name} is over 4 GiB`);

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += descriptor.length;
    central.push({ name, crc: crc >>> 0, compressed, size, offset: headerOffset, time, date });
  }

  const start = offset;
  for (const e of central) {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(FLAGS, 8);
    h.writeUInt16LE(8, 10);
    h.writeUInt16LE(e.time, 12);
    h.writeUInt16LE(e.date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.compressed, 20);
    h.writeUInt32LE(e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt32LE(e.offset, 42);
    yield h;
    yield e.name;
    offset += h.length + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  yield end;
}
