import type { DataChangedEvent } from '../../../shared/contract';
import { useAppStore } from './app';
import { useBackupsStore } from './backups';
import { useCatalogsStore } from './catalogs';
import { useUnitsStore } from './units';

/**
 * Reloads what depends on changed data. Only slices already on screen are reloaded;
 * the others load themselves when their page opens.
 */
export async function refreshAfterChange(area: DataChangedEvent['area']): Promise<void> {
  const jobs: Promise<unknown>[] = [useAppStore.getState().loadInfo({ quiet: true })];
  const units = useUnitsStore.getState();
  const backups = useBackupsStore.getState();
  const catalogs = useCatalogsStore.getState();
  if (area === 'units' || area === 'demo' || area === 'all') {
    if (units.listLoaded) jobs.push(units.refresh());
    if (catalogs.offices.loaded) jobs.push(catalogs.loadOffices());
  }
  if (area === 'offices' && catalogs.offices.loaded) jobs.push(catalogs.loadOffices());
  if (area === 'all') {
    if (catalogs.indicators.loaded) jobs.push(catalogs.loadIndicators());
  }
  if (backups.loaded) jobs.push(backups.load());
  if (backups.auditLoaded) jobs.push(backups.loadAudit());
  await Promise.all(jobs);
}

/** After a restore the whole database changed: forget everything and reload what is visible. */
export async function reloadEverything(): Promise<void> {
  useUnitsStore.getState().reset();
  useCatalogsStore.getState().reset();
  const backups = useBackupsStore.getState();
  await Promise.all([
    useAppStore.getState().loadInfo({ quiet: true }),
    backups.loaded ? backups.load() : Promise.resolve(),
    backups.auditLoaded ? backups.loadAudit() : Promise.resolve(),
  ]);
}
