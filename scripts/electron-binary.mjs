// Where node_modules/electron/index.js would point, without its side effect: requiring
// 'electron' tries to download the binary when it is missing, which fails offline.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinaryPath(root) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, relative || 'electron');
  return relative ? join(pkgDir, 'dist', relative) : null;
}

/** The binary path when Electron is really installed, else null. */
export function installedElectron(root) {
  const path = electronBinaryPath(root);
  try {
    return path && statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}
