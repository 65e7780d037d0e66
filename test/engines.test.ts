import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * #9 item 9: the project runs on the Node LTS lines 22 and 24 and still on 20 (from 20.19, the floor
 * of vite 7), and `npm ci` installs nothing that declares otherwise (it warned about cookie 2,
 * Node >= 22, pulled in by @fastify/cookie and light-my-request).
 */
const SUPPORTED = ['20.19.0', '20.20.2', '22.13.0', '22.23.5', '24.0.0', '24.22.3'];

interface LockPackage {
  version?: string;
  engines?: Record<string, string> | string[];
  optional?: boolean;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };

describe('supported Node versions', () => {
  it('engines names 20.19+, 22 and 24, and nothing older', () => {
    for (const v of SUPPORTED) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
    expect(semver.satisfies('20.18.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('18.20.0', pkg.engines.node)).toBe(false);
  });

  it('no locked package declares an engine that excludes a supported version', () => {
    const refusals: string[] = [];
    for (const [name, entry] of Object.entries(lock.packages)) {
      const engines = entry.engines;
      const node = engines && !Array.isArray(engines) ? engines.node : undefined;
      if (!name || !node) continue;
      for (const v of SUPPORTED)
        if (!semver.satisfies(v, node)) refusals.push(`${name}@${entry.version ?? '?'} needs node ${node} (not ${v})`);
    }
    expect(refusals).toEqual([]);
  });

  it('the README says the same', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toMatch(/Node\.js 22 or 24/);
    expect(readme).toMatch(/20\.19 or later still works/);
  });
});
