import { ddlStep } from './step';

/**
 * What the preview warned about and the import went ahead with (a totals row that disagrees
 * with its rows, a figure above the population …), kept with the batch as JSON so the history
 * shows it. Older batches have none (NULL reads as no warning).
 */
export default ddlStep({
  version: 10,
  name: 'import batches keep their warnings',
  sqlite: 'ALTER TABLE import_batches ADD COLUMN warnings TEXT;',
  postgres: 'ALTER TABLE import_batches ADD COLUMN warnings TEXT;',
});
