import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComparisonTable, Target } from '../../shared/contract';
import { cli } from '../helpers/cli';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { hashDataDir } from '../helpers/stores';

/** The CLI reads --value with the same vi-VN parser as the grid and the import. */
async function unitsDir(): Promise<string> {
  const dir = tempDataDir();
  for (const f of [FIXTURE.unitsHongDan, FIXTURE.unitsTwoLevel]) {
    const run = await cli('units', 'import', fixturePath(f), '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
  }
  return dir;
}

/** Xã Hồng Dân's BHXH TN figure of 09/2026, read back through `results --json`. */
async function stored(dir: string): Promise<number | null> {
  const run = await cli('results', '--period', '2026-09', '--indicator', 'BHXH_TN', '--unit', '96', '--json', '--data-dir', dir);
  expect(run.code, run.err).toBe(0);
  return (JSON.parse(run.out) as ComparisonTable).rows.find((r) => r.code === '32104')!.actual;
}

const setValue = (dir: string, value: string) => cli('results', 'set', '--unit', '32104', '--indicator', 'BHXH_TN', '--as-of', '25/09/2026', '--value', value, '--data-dir', dir);
const setRate = (dir: string, value: string) => cli('targets', 'set', '--unit', '96', '--indicator', 'cov_bhyt', '--year', '2026', '--value', value, '--source', 'GOV', '--json', '--data-dir', dir);

describe('CLI number flags', () => {
  // The app's one clock: the September figures below are in the past whatever day this runs.
  beforeAll(() => vi.stubEnv('BHXH_TODAY', '2026-11-22'));
  afterAll(() => vi.unstubAllEnvs());

  it('"3.000", "3 000" and "3000" are three thousand people', async () => {
    const dir = await unitsDir();
    for (const text of ['3.000', '3 000', '3000']) {
      await setValue(dir, '1');
      expect((await setValue(dir, text)).code).toBe(0);
      expect(await stored(dir), text).toBe(3000);
    }
  });

  it('"1,234" is refused for people (it used to be 1,234 in the CLI), with the parser’s reason and nothing written', async () => {
    const dir = await unitsDir();
    const before = await hashDataDir(dir);
    const comma = await setValue(dir, '1,234');
    expect(comma.code).toBe(2);
    expect(comma.err).toContain('Giá trị --value: «1,234» không phải số nguyên');
    const dot = await setValue(dir, '3.28');
    expect(dot.code).toBe(2);
    expect(dot.err).toContain('dấu chấm phân cách hàng nghìn');
    const percent = await setValue(dir, '12%');
    expect(percent.code).toBe(2);
    expect(percent.err).toContain('không phải số người');
    expect(await hashDataDir(dir)).toBe(before);
  });

  it('a rate takes "92,25%" or "0,9225"; "0.9225" is refused with the comma spelling', async () => {
    const dir = await unitsDir();
    const percent = await setRate(dir, '92,25%');
    expect(percent.code, percent.err).toBe(0);
    expect(JSON.parse(percent.out) as Target).toMatchObject({ value: 0.9225, isRate: true });
    const ratio = await setRate(dir, '0,95');
    expect(ratio.code, ratio.err).toBe(0);
    expect(JSON.parse(ratio.out) as Target).toMatchObject({ value: 0.95 });
    const dotted = await setRate(dir, '0.9225');
    expect(dotted.code).toBe(2);
    expect(dotted.err).toContain('(0,9225)');
  });
});
