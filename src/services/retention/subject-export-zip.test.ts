import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readZip } from './subject-export-zip.testkit.js';
import { zipStream, type ZipEntry } from './subject-export-zip.js';

async function collect(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

describe('zipStream', () => {
  it('writes entries a reader gets back byte for byte, with UTF-8 names', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    async function* chunks() {
      for (let i = 0; i < big.length; i += 1024 * 1024) yield big.subarray(i, i + 1024 * 1024);
    }
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: 'index.json', source: '{"a":1}' };
      yield { name: 'TS202611250001/通信记录.txt', source: Buffer.from('你好，世界') };
      yield { name: 'empty.txt', source: '' };
      yield { name: 'files/big.bin', source: chunks() };
    }
    const zip = await collect(zipStream(entries(), new Date('2026-11-25T10:20:30Z')));
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(['index.json', 'TS202611250001/通信记录.txt', 'empty.txt', 'files/big.bin']);
    expect(files.get('index.json')?.toString()).toBe('{"a":1}');
    expect(files.get('TS202611250001/通信记录.txt')?.toString()).toBe('你好，世界');
    expect(files.get('empty.txt')?.length).toBe(0);
    expect(files.get('files/big.bin')?.equals(big)).toBe(true);
  });

  it('passes a failing source on as the stream error', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('x');
      throw new Error('read failed');
    }
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: 'a', source: failing() };
    }
    await expect(collect(zipStream(entries(), new Date()))).rejects.toThrow('read failed');
  });
});
