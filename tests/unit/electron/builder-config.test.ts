// Reads electron-builder.yml with electron-builder's own loader and schema, so a typo or a
// misplaced option fails here instead of on the Windows build machine.
import type { Stats } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

/** getConfig normalises `files` to [{ filter: [...] }]; flatten back to the pattern list. */
function filePatterns(): string[] {
  const files = (Array.isArray(config.files) ? config.files : [config.files]) as Array<string | { from?: string; filter?: string | string[] }>;
  return files.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    expect(entry.from ?? '.').toBe('.');
    return Array.isArray(entry.filter) ? entry.filter : entry.filter ? [entry.filter] : [];
  });
}

type TargetEntry = { target: string; arch?: string[] | string };

function winTargets(): TargetEntry[] {
  const target = config.win?.target;
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((t) => (typeof t === 'string' ? { target: t } : (t as TargetEntry)));
}

/** Mimics how electron-builder filters a node_modules file: by its absolute destination path. */
function nodeModuleIncluded(patterns: string[], relativeInApp: string): boolean {
  const appOut = resolve('/build/release/win-unpacked/resources/app');
  const matcher = new FileMatcher(root, appOut, (p) => p, patterns.filter((p) => p.startsWith('!')));
  matcher.prependPattern('**/*');
  const full = join(appOut, relativeInApp);
  const stat = { isDirectory: () => false, isFile: () => true, moduleFullFilePath: full } as unknown as Stats;
  return matcher.createFilter()(join(root, relativeInApp), stat);
}

function appFileIncluded(patterns: string[], relative: string): boolean {
  const matcher = new FileMatcher(root, '/out', (p) => p, patterns);
  const stat = { isDirectory: () => false, isFile: () => true } as unknown as Stats;
  return matcher.createFilter()(join(root, relative), stat);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check can fail (misspelt or misplaced options are rejected)', async () => {
    const typo = { ...config, npmRebuil: false } as Configuration;
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(/npmRebuil/);
    const misplaced = { ...config, nsis: { ...config.nsis, oneclick: false } } as Configuration;
    await expect(validateConfiguration(misplaced, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('vn.gov.bhxh.desk');
    expect(config.productName).toBe('BHXH Desk');
    expect(config.directories?.output).toBe('release');
  });

  it('never rebuilds native modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('builds an x64 NSIS installer and a portable exe for Windows', () => {
    const targets = winTargets();
    expect(targets.map((t) => t.target).sort()).toEqual(['nsis', 'portable']);
    for (const t of targets) expect(t.arch).toEqual(['x64']);
  });

  it('has an assisted, per-machine installer in Vietnamese', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['vi_VN'],
      language: '1066',
      createDesktopShortcut: true,
      shortcutName: 'BHXH Desk',
      deleteAppDataOnUninstall: false,
    });
  });

  it('names artifacts with version and arch and without spaces', () => {
    for (const name of [config.nsis?.artifactName, config.portable?.artifactName]) {
      expect(name).toMatch(/\$\{version\}/);
      expect(name).toMatch(/\$\{arch\}/);
      expect(name).not.toMatch(/\s/);
    }
    expect(config.nsis?.artifactName).not.toBe(config.portable?.artifactName);
  });

  it('packs the build output and package.json, whose main is inside it', () => {
    const files = filePatterns();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/electron/main.cjs');
    expect(appFileIncluded(files, pkg.main)).toBe(true);
    expect(appFileIncluded(files, 'out/electron/preload.cjs')).toBe(true);
    // The core process and its spreadsheet worker: main forks the one, core starts the other, both beside main.cjs.
    expect(appFileIncluded(files, 'out/electron/core-host.cjs')).toBe(true);
    expect(appFileIncluded(files, 'out/electron/workbookWorker.cjs')).toBe(true);
    expect(appFileIncluded(files, 'out/electron/checkpointWorker.cjs')).toBe(true);
    expect(appFileIncluded(files, 'out/electron/core-host.cjs.map')).toBe(false);
    expect(appFileIncluded(files, 'out/renderer/index.html')).toBe(true);
    expect(appFileIncluded(files, 'package.json')).toBe(true);
    expect(appFileIncluded(files, 'out/electron/main.cjs.map')).toBe(false);
    expect(appFileIncluded(files, 'electron/main/main.ts')).toBe(false);
    expect(appFileIncluded(files, 'tests/unit/electron/security.test.ts')).toBe(false);
  });

  it('keeps what better-sqlite3 needs at run time on Windows and drops the rest', () => {
    const files = filePatterns();
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/lib/binding.js')).toBe(true);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/package.json')).toBe(true);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/prebuilds/linux-x64.node')).toBe(false);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/prebuilds/darwin-arm64.node')).toBe(false);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(nodeModuleIncluded(files, 'node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
    expect(nodeModuleIncluded(files, 'node_modules/zod/index.cjs')).toBe(true);
  });

  it('unpacks better-sqlite3 from the asar archive', () => {
    const unpack = config.asarUnpack as string[];
    expect(unpack.some((p) => p.includes('node_modules/better-sqlite3/**'))).toBe(true);
    const appOut = resolve('/build/release/win-unpacked/resources/app');
    const matcher = new FileMatcher(root, appOut, (p) => p, unpack);
    const filter = matcher.createFilter();
    const check = (rel: string) =>
      filter(join(root, rel), { isDirectory: () => false, moduleFullFilePath: join(appOut, rel) } as unknown as Stats);
    expect(check('node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true);
    expect(check('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(check('node_modules/zod/index.cjs')).toBe(false);
  });

  it('turns off the Electron fuses an office PC never needs', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at a Windows icon with a 256 px image', () => {
    const icon = config.win?.icon;
    expect(icon).toBe('resources/icons/icon.ico');
    const ico = readFileSync(join(root, icon!));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });
});
