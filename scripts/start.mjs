// `npm start`: the Electron app where the Electron runtime is installed, otherwise the same
// app in browser mode on 127.0.0.1 (CI machines and offices where Electron cannot download).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectron } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(script) {
  const result = spawnSync(npm, ['run', '-s', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const built = join(root, 'out', 'renderer', 'index.html');
const stale = !existsSync(built) || Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared'))) > statSync(built).mtimeMs;
if (stale) run('build:renderer');

const electron = installedElectron(root);
if (electron && !args.includes('--browser')) {
  run('build:electron');
  const child = spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!electron) console.log('Không tìm thấy Electron trên máy này: chạy BHXH Desk ở chế độ trình duyệt.');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'web', 'main.ts'), '--open', ...args.filter((a) => a !== '--browser')], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
