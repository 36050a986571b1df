import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './fixtures';

/** Where postgres.setup.ts leaves the throwaway cluster for the spec and the teardown (separate processes). */
const CLUSTER_FILE = join(ROOT, 'test-results', 'e2e-postgres', 'cluster.json');

/** The superuser's password of the e2e cluster: TCP connections need one, as on an office's server. */
export const E2E_PG_PASSWORD = 'quan-tri-e2e';

export interface E2eCluster {
  adminUrl: string;
  port: number;
  dir: string;
}

export function saveCluster(cluster: E2eCluster): void {
  mkdirSync(dirname(CLUSTER_FILE), { recursive: true });
  writeFileSync(CLUSTER_FILE, JSON.stringify(cluster), { mode: 0o600 });
}

export function loadCluster(): E2eCluster {
  return JSON.parse(readFileSync(CLUSTER_FILE, 'utf8')) as E2eCluster;
}

export function forgetCluster(): void {
  rmSync(CLUSTER_FILE, { force: true });
}
