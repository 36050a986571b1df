import { describe, expect, it } from 'vitest';
import { columnLetterAt } from '../../shared/format/cells';
import { columnLetter } from '../../electron/core/exports/sheetLayout';

describe('column letters (one rule for every import message and export)', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetterAt)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
  it('sheet layouts count from 1', () => {
    expect([1, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA']);
  });
});
