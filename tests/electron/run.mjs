// npm run test:electron: the Electron smoke suite, or one line saying why it was skipped.
// Never require('electron') here: its index.js tries to download the binary when it is missing.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath as electronBinaryPathIn } from '../../scripts/electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function electronBinaryPath() {
  return electronBinaryPathIn(root);
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const binary = electronBinaryPath();
if (!binary || !isFile(binary)) {
  console.log('Electron smoke test skipped: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)');
  process.exit(0);
}

if (!isFile(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('Electron smoke test needs the renderer build: run "npm run build:renderer" first.');
  process.exit(1);
}

let status = run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
if (status === 0) {
  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  status = run(process.execPath, [cli, 'test', '--config', join(root, 'tests', 'electron', 'playwright.config.ts')], {
    ...process.env,
    BHXH_ELECTRON_BINARY: binary,
  });
}
process.exit(status);
