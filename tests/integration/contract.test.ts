import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../shared/contract';
import { createHandlers, RECOVERY_CHANNELS, type CoreHooks } from '../../electron/core/app/handlers';
import { call, callError, expectVietnamese, openTestCore } from '../helpers/core';

describe('handlers registry', () => {
  it('has exactly the channels of the contract', () => {
    const unused = () => {
      throw new Error('not used');
    };
    // Whatever hooks the core supplies, each is a function; the registry must still list every channel.
    const hooks = new Proxy({}, { get: () => unused }) as CoreHooks;
    const handlers = createHandlers(unused, hooks);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlers[name]).toBe('function');
    expect(CHANNEL_NAMES).toEqual(Object.keys(channels));
  });

  it('recovery channels are contract channels', () => {
    for (const name of RECOVERY_CHANNELS) expect(CHANNEL_NAMES).toContain(name);
    expect([...RECOVERY_CHANNELS].sort()).toEqual(['app:info', 'backups:list', 'backups:restore', 'connection:get', 'connection:reconnect', 'connection:save', 'connection:test']);
  });
});

describe('dispatch', () => {
  it('an unknown channel is UNKNOWN_CHANNEL, in Vietnamese', async () => {
    const core = await openTestCore();
    for (const name of ['units:delete', '', 'toString', '__proto__', 'constructor']) {
      const err = await callError(core, name, {});
      expect(err.code, name).toBe('UNKNOWN_CHANNEL');
      expectVietnamese(err.message);
    }
  });

  it('a request of the wrong shape is VALIDATION with a Vietnamese message and issue paths', async () => {
    const core = await openTestCore();
    const err = await callError(core, 'units:get', { code: 5 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.details?.issues).toEqual([expect.objectContaining({ path: 'code' })]);
  });

  it('custom schema messages reach the user as written', async () => {
    const core = await openTestCore();
    const err = await callError(core, 'units:get', { code: 'mã có dấu cách' });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('Mã đơn vị chỉ gồm chữ số/chữ cái, tối đa 20 ký tự');
    const empty = await callError(core, 'units:recordMerge', { fromCodes: [], toCode: '32101', effectiveDate: '2025-07-01' });
    expect(empty.message).toBe('Chọn ít nhất một đơn vị cũ');
  });

  it("every VALIDATION message is Vietnamese, never zod's English default", async () => {
    const core = await openTestCore();
    const cases: [string, string, unknown][] = [
      ['app:info with an extra key', 'app:info', { extra: 1 }],
      ['units:list with a too-long query', 'units:list', { query: 'x'.repeat(201) }],
      ['units:list with an unknown level', 'units:list', { level: 'village' }],
      ['audit:list with limit 0', 'audit:list', { limit: 0 }],
      ['units:commitImport with a short plan id', 'units:commitImport', { planId: 'abc' }],
      [
        'units:recordMerge with a one-letter new name',
        'units:recordMerge',
        { fromCodes: ['31009'], toCode: '32101', toName: 'X', effectiveDate: '2025-07-01' },
      ],
      ['backups:restore with an empty name', 'backups:restore', { fileName: '' }],
    ];
    const english: string[] = [];
    for (const [label, channel, request] of cases) {
      const err = await callError(core, channel, request);
      expect(err.code, label).toBe('VALIDATION');
      const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(err.message);
      if (!vietnamese) english.push(`${label}: ${err.message}`);
    }
    expect(english).toEqual([]);
  });

  it('every channel answers a malformed request with a Result, never a throw', async () => {
    const core = await openTestCore();
    for (const name of CHANNEL_NAMES) {
      for (const request of ['rác', 42, [1, 2]]) {
        const result = await core.dispatch(name, request);
        expect(result.ok, `${name} ${JSON.stringify(request)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION');
          expectVietnamese(result.error.message);
        }
      }
    }
  });

  it('a missing request counts as an empty one', async () => {
    const core = await openTestCore();
    expect((await core.dispatch('app:info', undefined)).ok).toBe(true);
    expect((await core.dispatch('units:list', null)).ok).toBe(true);
  });

  it('indicators:list returns the catalogue', async () => {
    const core = await openTestCore();
    const list = await call(core, 'indicators:list', {});
    expect(list.map((i) => i.code)).toContain('BHYT_HGD');
  });

  it('events: a change emits data-changed', async () => {
    const core = await openTestCore();
    const seen: unknown[] = [];
    const off = core.events.subscribe((e) => seen.push(e));
    await call(core, 'demo:load', {});
    off();
    await call(core, 'demo:load', {});
    expect(seen).toEqual([{ type: 'data-changed', area: 'all' }]);
  });
});
