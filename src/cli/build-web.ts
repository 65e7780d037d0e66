/**
 * Builds the web application (web/ -> dist/web). With --if-stale (npm start's prestart) only when
 * dist/web is missing or older than a file under web/ or the lock file; without vite installed
 * (a production install without dev dependencies) it says so and the server shows its landing page.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const webDir = path.join(projectRoot, 'web');
const builtIndex = path.join(projectRoot, 'dist', 'web', 'index.html');

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : mtime(full));
  }
  return newest;
}

const builtAt = mtime(builtIndex);
const sourceAt = Math.max(newestUnder(webDir), mtime(path.join(projectRoot, 'package-lock.json')));
if (process.argv.includes('--if-stale') && builtAt > 0 && builtAt >= sourceAt) process.exit(0);

let vite: typeof Vite;
try {
  vite = await import('vite');
} catch {
  process.stderr.write(
    builtAt > 0
      ? 'web app: vite is not installed; serving the existing (older) build\n'
      : 'web app: vite is not installed and dist/web is missing; / shows the landing page\n',
  );
  process.exit(0);
}
process.stdout.write(builtAt > 0 ? 'web app: sources changed, building…\n' : 'web app: not built yet, building…\n');
await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
process.stdout.write('web app: built into dist/web\n');
