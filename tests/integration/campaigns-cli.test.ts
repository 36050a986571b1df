import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CampaignListJson } from '../../electron/cli/campaignCommands';
import { deleteDemoCampaigns } from '../../electron/core/demo/demoCampaigns';
import { cli } from '../helpers/cli';
import { call, FIXED_NOW, openTestCore, storeOf } from '../helpers/core';
import { tempDataDir } from '../helpers/fixtures';

/** The demo province without its demo campaigns, plus a two-day launch day and a conference row of 58 sessions. */
async function campaignsDir(): Promise<string> {
  const dir = tempDataDir();
  const core = await openTestCore({ dataDir: dir, now: () => FIXED_NOW });
  await call(core, 'demo:load', {});
  const store = storeOf(core);
  await store.transaction(() => deleteDemoCampaigns(store));
  await call(core, 'campaigns:save', {
    name: 'Lễ ra quân Tháng vận động BHXH tự nguyện', kind: 'LAUNCH', startsOn: '2026-05-11', endsOn: '2026-05-12', officeCode: '9901', cost: 48_250_000,
    plan: { BHXH_TN: 700, BHYT_HGD: 1300 },
    days: [{ day: '2026-05-11', attendees: 1200, signups: { BHXH_TN: 925, BHYT_HGD: 1186 } }, { day: '2026-05-12', attendees: 300, signups: { BHXH_TN: 40, BHYT_HGD: null } }],
  });
  await call(core, 'campaigns:save', {
    name: 'Hội nghị tuyên truyền trực tiếp tại các xã', kind: 'CONFERENCE', startsOn: '2026-08-01', endsOn: '2026-10-31', officeCode: '9902', sessions: 58,
    days: [{ day: '2026-10-31', attendees: 2023, signups: { BHXH_TN: 1000, BHYT_HGD: 287 } }],
  });
  await core.close();
  return dir;
}

async function json(...argv: string[]): Promise<CampaignListJson[]> {
  const run = await cli(...argv, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as CampaignListJson[];
}

describe('CLI: campaigns list', () => {
  beforeAll(() => vi.stubEnv('BHXH_TODAY', '2026-11-22'));
  afterAll(() => vi.unstubAllEnvs());

  it('prints one object per campaign with stable fields; filters by period, office and kind in words', async () => {
    const dir = await campaignsDir();
    const year = await json('campaigns', 'list', '--period', '2026', '--data-dir', dir);
    expect(year.map((c) => c.kind)).toEqual(['LAUNCH', 'CONFERENCE']);
    expect(year[0]).toEqual({
      id: expect.any(Number), name: 'Lễ ra quân Tháng vận động BHXH tự nguyện', kind: 'LAUNCH', kindLabel: 'Lễ ra quân', startsOn: '2026-05-11', endsOn: '2026-05-12', days: 2,
      office: { code: '9901', name: 'BHXH cơ sở Phú An' }, attendees: 1500, signups: { BHXH_TN: 965, BHYT_HGD: 1186 }, plan: { BHXH_TN: 700, BHYT_HGD: 1300 },
      pctOfPlan: { BHXH_TN: 137.86, BHYT_HGD: 91.23 }, conversion: 143.4, cost: 48_250_000, costPerSignup: 22_431,
    });
    expect(year[1]).toMatchObject({ conversion: 63.62, office: { code: '9902' }, pctOfPlan: { BHXH_TN: null, BHYT_HGD: null } });
    expect((await json('campaigns', 'list', '--period', '2026-Q2', '--data-dir', dir)).map((c) => c.kind)).toEqual(['LAUNCH']);
    expect((await json('campaigns', 'list', '--period', '2026-10', '--data-dir', dir)).map((c) => c.kind)).toEqual(['CONFERENCE']);
    expect((await json('campaigns', 'list', '--period', '2026', '--office', '9902', '--data-dir', dir)).map((c) => c.kind)).toEqual(['CONFERENCE']);
    expect((await json('campaigns', 'list', '--period', '2026', '--kind', 'Lễ ra quân', '--data-dir', dir)).map((c) => c.kind)).toEqual(['LAUNCH']);
    expect((await json('campaigns', 'list', '--period', '2026', '--kind', 'conference', '--data-dir', dir)).map((c) => c.kind)).toEqual(['CONFERENCE']);
    expect(await json('campaigns', 'list', '--period', '2025', '--data-dir', dir)).toEqual([]);
    const table = await cli('campaigns', 'list', '--period', '2026', '--data-dir', dir);
    expect(table.code).toBe(0);
    expect(table.out).toContain('137,86%');
    expect(table.out).toContain('2 hoạt động tuyên truyền.');
  });

  it('an unknown kind exits 2 with the list, before any data folder is opened', async () => {
    const dir = tempDataDir();
    const run = await cli('campaigns', 'list', '--period', '2026', '--kind', 'biểu diễn văn nghệ', '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Loại hình "biểu diễn văn nghệ" không hợp lệ/);
    expect(run.err).toContain('LAUNCH (Lễ ra quân)');
    expect(!existsSync(dir) || readdirSync(dir).length === 0).toBe(true);
  });
});
