// Bundles the Electron main process, the core process, the workbook worker and the preload with esbuild.
//   node scripts/build-electron.mjs [--outdir <dir>]
// main.cjs (windows, IPC forwarding) and core-host.cjs (core, started by main with
// utilityProcess.fork) keep 'electron' and the package's runtime dependencies external:
// electron-builder ships those in node_modules anyway (better-sqlite3 must stay there, it loads a .node file).
// preload.cjs runs in a sandboxed renderer whose require() knows little beyond 'electron', so it
// is self-contained, and channels.ts is replaced by a generated list of names to keep zod out.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const channelsFile = join(root, 'shared', 'contract', 'channels.ts');

/** Evaluates the real contract so the preload's list can never drift from it. */
async function loadChannelNames() {
  const result = await build({
    entryPoints: [channelsFile],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const names = mod.CHANNEL_NAMES;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    throw new Error('shared/contract/channels.ts did not yield a non-empty CHANNEL_NAMES list');
  }
  return names;
}

function channelNamesPlugin(names) {
  const contents = [
    `const names = ${JSON.stringify(names)};`,
    'export const CHANNEL_NAMES = Object.freeze(names.slice());',
    "export function isChannel(name) { return typeof name === 'string' && names.includes(name); }",
  ].join('\n');
  return {
    name: 'channel-names',
    setup(b) {
      b.onLoad({ filter: /[\\/]shared[\\/]contract[\\/]channels\.ts$/ }, () => ({ contents, loader: 'js' }));
    },
  };
}

// Core is ESM source that finds files relative to itself (new URL('../../../package.json',
// import.meta.url)). In the CJS bundle import.meta is empty and the file sits elsewhere, so each
// module's import.meta is rewritten to its source path under the app root (out/electron/../..),
// which holds package.json both in the repository and inside app.asar.
const SOURCE_URL_HELPER = [
  '"use strict";',
  'function __sourcePath(rel) { return require("node:path").join(__dirname, "..", "..", rel); }',
  'function __sourceUrl(rel) { return require("node:url").pathToFileURL(__sourcePath(rel)).href; }',
].join('\n');

function sourceLocationPlugin() {
  return {
    name: 'source-location',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const rel = JSON.stringify(relative(root, args.path).split(sep).join('/'));
        const relDir = JSON.stringify(relative(root, dirname(args.path)).split(sep).join('/'));
        const contents = source
          .replaceAll('import.meta.url', `__sourceUrl(${rel})`)
          .replaceAll('import.meta.filename', `__sourcePath(${rel})`)
          .replaceAll('import.meta.dirname', `__sourcePath(${relDir})`);
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}

export async function buildElectron({ outDir = join(root, 'out', 'electron') } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const runtimeDeps = Object.keys(pkg.dependencies ?? {});

  // Main, the core process and the spreadsheet worker: Node bundles with the same settings.
  const nodeBundle = (entry, outfile) =>
    build({
      entryPoints: [entry],
      outfile: join(outDir, outfile),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron', 'better-sqlite3', ...runtimeDeps],
      sourcemap: true,
      banner: { js: SOURCE_URL_HELPER },
      plugins: [sourceLocationPlugin()],
      logLevel: 'warning',
    });

  const main = nodeBundle(join(root, 'electron', 'main', 'main.ts'), 'main.cjs');

  const preload = build({
    entryPoints: [join(root, 'electron', 'preload', 'preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    bundle: true,
    // 'browser' makes any accidental Node built-in import a build error instead of a runtime one.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    plugins: [channelNamesPlugin(await loadChannelNames())],
    logLevel: 'warning',
  });

  // Core in its own process: main.ts forks this file beside itself.
  const coreHost = nodeBundle(join(root, 'electron', 'core-host', 'main.ts'), 'core-host.cjs');

  // Spreadsheets are parsed in a worker thread of the core process; readInWorker.ts finds this file beside core-host.cjs.
  const workbookWorker = nodeBundle(join(root, 'electron', 'core', 'excel', 'workbookWorker.ts'), 'workbookWorker.cjs');

  // Streamed sheet reads (stream/index.ts streamSheetRowsInWorker) look for this file beside core-host.cjs too.
  const streamWorker = nodeBundle(join(root, 'electron', 'core', 'excel', 'stream', 'streamWorker.ts'), 'streamWorker.cjs');

  // The WAL checkpointer (db/walCheckpointer.ts) looks for this file beside core-host.cjs too.
  const checkpointWorker = nodeBundle(join(root, 'electron', 'core', 'db', 'checkpointWorker.cjs'), 'checkpointWorker.cjs');

  await Promise.all([main, preload, coreHost, workbookWorker, streamWorker, checkpointWorker]);
  return {
    main: join(outDir, 'main.cjs'),
    preload: join(outDir, 'preload.cjs'),
    coreHost: join(outDir, 'core-host.cjs'),
    workbookWorker: join(outDir, 'workbookWorker.cjs'),
    streamWorker: join(outDir, 'streamWorker.cjs'),
    checkpointWorker: join(outDir, 'checkpointWorker.cjs'),
  };
}

function parseArgs(argv) {
  const i = argv.indexOf('--outdir');
  if (i === -1) return {};
  const dir = argv[i + 1];
  if (!dir) throw new Error('--outdir needs a directory');
  return { outDir: resolve(dir) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const out = await buildElectron(parseArgs(process.argv.slice(2)));
    console.log(`Built ${Object.values(out).join(', ')}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
