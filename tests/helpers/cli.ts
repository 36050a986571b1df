import { runCli } from '../../electron/cli/main';
import { testDatabaseUrl } from './core';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process and keeps what it printed, stdout and stderr apart. */
export async function cli(...argv: string[]): Promise<CliRun> {
  // On the PostgreSQL run a data folder stands for its own test database, as for openTestCore.
  const dataDir = argv[argv.indexOf('--data-dir') + 1];
  const url = argv.includes('--data-dir') && dataDir && !argv.includes('--database') ? await testDatabaseUrl(dataDir) : undefined;
  if (url) argv = [...argv, '--database', url];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
