import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'BHXH Desk';

/**
 * Where the data lives when no --data-dir is given: APP_DATA_DIR, else the same folder
 * Electron's userData resolves to for this product name, so CLI, browser mode and the
 * desktop app share one database.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (env.APP_DATA_DIR) return env.APP_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}
