export { AppShell, AREA_LABELS, type AreaLabel } from './AppShell';
export { BackupsPage } from './BackupsPage';
export { CatalogsPage, type CatalogTab } from './CatalogsPage';
export { FirstRunPage } from './FirstRunPage';
export { UnitImportDialog, type ImportCounter } from './UnitImportDialog';
