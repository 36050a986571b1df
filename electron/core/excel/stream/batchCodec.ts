import type { RowBatch, StreamCell } from './types';

/**
 * A batch packed for postMessage: all text in one string, cell kinds and numbers in typed arrays
 * (transferred, not copied). Structured-cloning 55,000 small values per batch costs the receiving
 * thread — the one that answers the UI — more than slicing one string and reading two arrays.
 */
export interface PackedBatch {
  rowNumbers: Float64Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  lengths: Uint32Array;
  text: string;
}

const NULL = 0;
const TEXT = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const ROW_END = 5;

export function packBatch(batch: RowBatch): PackedBatch {
  let cells = 0;
  for (const row of batch.rows) cells += row.length + 1;
  const kinds = new Uint8Array(cells);
  const numbers: number[] = [];
  const lengths: number[] = [];
  const texts: string[] = [];
  let k = 0;
  for (const row of batch.rows) {
    for (const cell of row) {
      if (typeof cell === 'string') {
        kinds[k++] = TEXT;
        texts.push(cell);
        lengths.push(cell.length);
      } else if (typeof cell === 'number') {
        kinds[k++] = NUMBER;
        numbers.push(cell);
      } else kinds[k++] = cell === true ? TRUE : cell === false ? FALSE : NULL;
    }
    kinds[k++] = ROW_END;
  }
  return { rowNumbers: Float64Array.from(batch.rowNumbers), kinds, numbers: Float64Array.from(numbers), lengths: Uint32Array.from(lengths), text: texts.join('') };
}

export function transferList(packed: PackedBatch): ArrayBuffer[] {
  return [packed.rowNumbers.buffer, packed.kinds.buffer, packed.numbers.buffer, packed.lengths.buffer] as ArrayBuffer[];
}

export function unpackBatch(packed: PackedBatch): RowBatch {
  const { kinds, numbers, lengths, text } = packed;
  const rows: StreamCell[][] = [];
  let row: StreamCell[] = [];
  let n = 0;
  let s = 0;
  let at = 0;
  for (let k = 0; k < kinds.length; k++) {
    switch (kinds[k]) {
      case TEXT: {
        const length = lengths[s++]!;
        row.push(text.slice(at, at + length));
        at += length;
        break;
      }
      case NUMBER:
        row.push(numbers[n++]!);
        break;
      case TRUE:
        row.push(true);
        break;
      case FALSE:
        row.push(false);
        break;
      case ROW_END:
        rows.push(row);
        row = [];
        break;
      default:
        row.push(null);
    }
  }
  return { rowNumbers: Array.from(packed.rowNumbers), rows };
}
