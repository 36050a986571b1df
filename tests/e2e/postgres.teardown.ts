import { test as teardown } from '@playwright/test';
import { stopPgCluster } from '../helpers/pgCluster';
import { forgetCluster, loadCluster } from './pgServer';

/** Stops the cluster postgres.setup.ts started and removes its folder. */
teardown('stop the PostgreSQL cluster', () => {
  stopPgCluster(loadCluster().dir);
  forgetCluster();
});
