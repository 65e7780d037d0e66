/**
 * Workbooks written as they are made (#16 item 5): exceljs's streaming writer into a stream the
 * HTTP answer reads, and the wait for that reader (backpressure), so an export's memory does not
 * grow with its rows. Sheets are zip entries written one after another: commit a sheet before
 * filling the next, or the later one is held in memory until the earlier ends.
 */
import { EventEmitter } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export function streamingWorkbook(out: Writable, created: Date): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // the zip's own errors (none expected) fail the download rather than the process
  const zip: unknown = Reflect.get(book, 'zip');
  if (zip instanceof EventEmitter) zip.on('error', (e: Error) => out.destroy(e));
  book.created = created;
  return book;
}

/** Resolves once the stream can take more (or has been closed). */
export function drained(s: Writable): Promise<void> {
  if (!s.writableNeedDrain || s.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      s.off('drain', done);
      s.off('close', done);
      resolve();
    };
    s.on('drain', done);
    s.on('close', done);
  });
}

/** Runs `write` into a new stream and returns the stream; a failure destroys it with the error. */
export function streamOut(write: (out: Writable) => Promise<void>): Readable {
  const out = new PassThrough();
  write(out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
