import { test as setup } from '@playwright/test';
import { startPgCluster } from '../helpers/pgCluster';
import { E2E_PG_PASSWORD, saveCluster } from './pgServer';

/** Starts the throwaway PostgreSQL cluster postgres.spec.ts runs on (initdb as the postgres user under root). */
setup('a throwaway PostgreSQL cluster', async () => {
  setup.setTimeout(90_000);
  const cluster = await startPgCluster({ password: E2E_PG_PASSWORD });
  saveCluster({ adminUrl: cluster.adminUrl, port: cluster.port, dir: cluster.dir });
});
