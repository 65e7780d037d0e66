/** Seeded randomness for the demo data: no Math.random, so a seed always gives the same data. */
import { mulberry32 } from '../../domain/random.js';
import type { Weighted } from './demo-reference.js';

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: Weighted<T>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return this.pick(items)[0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Exactly proportional counts (largest remainder), shuffled: the mix holds even for small batches. */
export function deck<T>(rng: Rng, mix: Weighted<T>, size: number): T[] {
  const total = mix.reduce((sum, [, w]) => sum + w, 0);
  const shares = mix.map(([item, w], i) => ({ item, i, exact: (w / total) * size }));
  const counts = shares.map((s) => Math.floor(s.exact));
  let left = size - counts.reduce((a, b) => a + b, 0);
  for (const s of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.i - b.i)) {
    if (left-- <= 0) break;
    counts[s.i] = (counts[s.i] ?? 0) + 1;
  }
  return rng.shuffle(shares.flatMap((s) => Array.from({ length: counts[s.i] ?? 0 }, () => s.item)));
}
