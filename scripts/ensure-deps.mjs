// Installs the npm dependencies when node_modules is missing or older than the lock file, so that
// `npm start` and `npm test` work on a fresh clone without a separate install step.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  console.error('orderwatch: installing npm dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
}
