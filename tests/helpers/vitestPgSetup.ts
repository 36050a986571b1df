import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrate } from '../../electron/core/db/migrate';
import { openStore } from '../../electron/core/db/open';
import { MIGRATED_TEMPLATE, startPgCluster } from './pgCluster';

/** A database at the latest schema, marked as a template: CREATE DATABASE … TEMPLATE copies it in milliseconds. */
async function prepareTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${MIGRATED_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${MIGRATED_TEMPLATE} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${MIGRATED_TEMPLATE}`;
  const store = await openStore({ engine: 'postgres', url: url.toString() });
  try {
    await migrate(store);
  } finally {
    await store.close();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * The PostgreSQL project's server: BHXH_TEST_PG_URL when given (a superuser URL), otherwise a
 * throwaway cluster started here and removed at the end. Each test core gets its own database.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.BHXH_TEST_PG_URL;
  if (given) {
    await prepareTemplate(given);
    project.provide('pgAdminUrl', given);
    return undefined;
  }
  const cluster = await startPgCluster();
  await prepareTemplate(cluster.adminUrl);
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
