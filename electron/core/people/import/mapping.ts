import { PERSON_FIELDS, type PersonField, type PersonListKind } from '../../../../shared/domain/people';
import type { Store } from '../../db/store';
import type { StoredColumn } from './batches';
import { columnIndexOf, columnLetterAt } from '../../../../shared/format/cells';
import { headerSignature, type DetectedColumn } from './headers';
import type { FieldColumn } from './validateRow';

/** import_mappings' source key of person lists: one remembered mapping per header signature. */
export const MAPPING_SOURCE = 'people';

/**
 * The columns as they will be read: detected from the headers, then what was remembered for
 * this layout, then what the user chose (column letter → field, null: left out). A field is
 * read from one column only: a later choice takes it from an earlier one.
 */
export async function resolveMapping(store: Store, detected: DetectedColumn[], user: Record<string, PersonField | null> | undefined): Promise<{ columns: StoredColumn[]; signature: string }> {
  const signature = headerSignature(detected);
  const columns: StoredColumn[] = detected.map((c) => ({ column: c.letter, header: c.header, field: c.field, source: c.field ? 'auto' : null, index: c.index }));
  const row = await store.db.selectFrom('import_mappings').select('columns').where('source_key', '=', MAPPING_SOURCE).where('header_signature', '=', signature).executeTakeFirst();
  const apply = (letter: string, field: PersonField | null, source: 'remembered' | 'user') => {
    let col = columns.find((c) => c.column === letter);
    if (!col) {
      col = { column: letter, header: '', field: null, source: null, index: columnIndexOf(letter) };
      columns.push(col);
    }
    if (field) for (const other of columns) if (other !== col && other.field === field) Object.assign(other, { field: null, source: null });
    col.field = field;
    col.source = field ? source : null;
  };
  if (row) {
    const remembered = JSON.parse(row.columns) as Record<string, PersonField | null>;
    for (const [letter, field] of Object.entries(remembered)) if (field === null || PERSON_FIELDS.includes(field)) apply(letter, field, 'remembered');
  }
  for (const [letter, field] of Object.entries(user ?? {})) apply(letter, field, 'user');
  columns.sort((a, b) => a.index - b.index);
  return { columns, signature };
}

/** Saves the mapping used for this layout (at commit: the user has accepted it). */
export async function rememberMapping(store: Store, signature: string, columns: StoredColumn[]): Promise<void> {
  const value = JSON.stringify(Object.fromEntries(columns.map((c) => [c.column, c.field])));
  await store.db
    .insertInto('import_mappings')
    .values({ source_key: MAPPING_SOURCE, header_signature: signature, columns: value })
    .onConflict((oc) => oc.columns(['source_key', 'header_signature']).doUpdateSet({ columns: value }))
    .execute();
}

export function fieldColumns(columns: StoredColumn[]): FieldColumn[] {
  return columns.filter((c) => c.field).map((c) => ({ field: c.field!, index: c.index, letter: c.column || columnLetterAt(c.index) }));
}

/** Fields a list must have a column for: the name always, the due month on a due-payment list. */
export function missingFields(columns: StoredColumn[], kind: PersonListKind): PersonField[] {
  const need: PersonField[] = kind === 'DUE' ? ['fullName', 'dueMonth'] : ['fullName'];
  return need.filter((f) => !columns.some((c) => c.field === f));
}
