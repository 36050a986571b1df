import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  connectionFilePath,
  connectionUrl,
  fieldsOfUrl,
  maskUrl,
  readSavedConnection,
  resolveConnection,
  writeSavedConnection,
} from '../../../electron/core/app/connection';
import { redactUrl } from '../../../electron/core/db/postgresStore';
import { call, openTestCore } from '../../helpers/core';
import { tempDataDir } from '../../helpers/fixtures';

const SAVED = { engine: 'postgres' as const, host: 'csdl.bhxh.local', port: 5433, database: 'bhxh', user: 'cán bộ', password: 'p@ss:w/rd' };

describe('which database a process opens', () => {
  it('--database, then BHXH_DATABASE_URL, then connection.json, then the embedded file', () => {
    const dir = tempDataDir();
    expect(resolveConnection(dir, {})).toEqual({ source: 'embedded', url: null });
    writeSavedConnection(dir, SAVED);
    const fromFile = resolveConnection(dir, { flag: '  ', env: '' });
    expect(fromFile.source).toBe('file');
    expect(fieldsOfUrl(fromFile.url!)).toEqual({ host: 'csdl.bhxh.local', port: 5433, database: 'bhxh', user: 'cán bộ', password: 'p@ss:w/rd' });
    expect(resolveConnection(dir, { env: 'postgres://env@h/db' })).toEqual({ source: 'env', url: 'postgres://env@h/db' });
    expect(resolveConnection(dir, { flag: 'postgres://flag@h/db', env: 'postgres://env@h/db' })).toEqual({ source: 'flag', url: 'postgres://flag@h/db' });
    // A saved choice of the embedded file is the embedded file.
    writeSavedConnection(dir, { engine: 'sqlite' });
    expect(resolveConnection(dir, {})).toEqual({ source: 'embedded', url: null });
  });

  it('a damaged connection.json is said in Vietnamese, not guessed at', () => {
    const dir = tempDataDir();
    writeFileSync(connectionFilePath(dir), '{ "engine": "postgres", ');
    expect(() => readSavedConnection(dir)).toThrow(/Tệp cấu hình kết nối .* bị hỏng/);
    writeFileSync(connectionFilePath(dir), '{ "engine": "oracle" }');
    expect(() => resolveConnection(dir, {})).toThrow(/không đúng định dạng/);
    // The flag still wins over a broken file.
    expect(resolveConnection(dir, { flag: 'postgres://a@b/c' }).source).toBe('flag');
  });
});

describe('connection.json', () => {
  it('is readable by its owner only and written through a temporary file', () => {
    const dir = tempDataDir();
    writeFileSync(connectionFilePath(dir), '{"engine":"sqlite"}', { mode: 0o644 });
    writeSavedConnection(dir, SAVED);
    if (process.platform !== 'win32') expect(statSync(connectionFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(readSavedConnection(dir)).toEqual(SAVED);
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.startsWith('connection'))).toEqual(['connection.json']);
    expect(JSON.parse(readFileSync(connectionFilePath(dir), 'utf8'))).toHaveProperty('savedAt');
  });

  it('a failed write leaves the previous file as it was', () => {
    const dir = tempDataDir();
    writeSavedConnection(dir, SAVED);
    const before = readFileSync(connectionFilePath(dir), 'utf8');
    // A folder where the temporary file should go makes the write fail before the rename.
    mkdirSync(`${connectionFilePath(dir)}.${process.pid}.tmp`);
    expect(() => writeSavedConnection(dir, { engine: 'sqlite' })).toThrow();
    expect(readFileSync(connectionFilePath(dir), 'utf8')).toBe(before);
  });
});

describe('passwords stay out of sight', () => {
  it('maskUrl and redactUrl never show the password', () => {
    const url = connectionUrl(SAVED);
    expect(url).toBe('postgres://c%C3%A1n%20b%E1%BB%99:p%40ss%3Aw%2Frd@csdl.bhxh.local:5433/bhxh');
    for (const shown of [maskUrl(url), redactUrl(url), maskUrl('postgres://u:bí-mật@[::1 bad'), maskUrl('postgres://u:s3cret@h:5432/d')]) {
      expect(shown).not.toMatch(/p%40ss|bí-mật|s3cret/);
    }
    expect(maskUrl('postgres://u:s3cret@h:5432/d')).toBe('postgres://u:***@h:5432/d');
    expect(redactUrl(url)).toBe('postgres://c%C3%A1n%20b%E1%BB%99@csdl.bhxh.local:5433/bhxh');
    expect(maskUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });

  it('an IPv6 host round-trips', () => {
    const url = connectionUrl({ host: '::1', port: 5432, database: 'd', user: 'u', password: '' });
    expect(url).toBe('postgres://u@[::1]:5432/d');
    expect(fieldsOfUrl(url)).toMatchObject({ host: '::1', port: 5432 });
  });
});

describe('the app and its saved connection', () => {
  it('a damaged connection.json opens recovery mode with the reason; choosing the file on this computer brings the app back', async () => {
    const dataDir = tempDataDir();
    writeFileSync(connectionFilePath(dataDir), 'không phải JSON');
    const core = await openTestCore({ dataDir, databaseUrl: null });
    const info = await call(core, 'app:info', {});
    expect(info).toMatchObject({ dbStatus: 'unavailable', connectionSource: 'file' });
    expect(info.dbMessage).toMatch(/Tệp cấu hình kết nối .* bị hỏng/);
    expect(await call(core, 'connection:get', {})).toMatchObject({ savedEngine: null, fields: null, hasPassword: false });
    await call(core, 'connection:save', { engine: 'sqlite' });
    expect(await call(core, 'connection:reconnect', {})).toMatchObject({ engine: 'sqlite', dbStatus: 'ok', connectionSource: 'embedded', dbErrorCode: null });
    expect(readSavedConnection(dataDir)).toEqual({ engine: 'sqlite' });
  });

  it('a server saved on screen is what the next start opens, unless --database or BHXH_DATABASE_URL says otherwise', async () => {
    const dataDir = tempDataDir();
    writeSavedConnection(dataDir, { ...SAVED, host: '127.0.0.1', port: 1 });
    const fromFile = await openTestCore({ dataDir, databaseUrl: null });
    const info = await call(fromFile, 'app:info', {});
    expect(info).toMatchObject({ engine: 'postgres', connectionSource: 'file', dbStatus: 'unavailable', dbErrorCode: 'DB_UNREACHABLE' });
    expect(JSON.stringify(info)).not.toContain('p@ss');
    expect(JSON.stringify(await call(fromFile, 'connection:get', {}))).not.toMatch(/p@ss|p%40ss/);
    await fromFile.close();
    const fromFlag = await openTestCore({ dataDir, databaseUrl: 'postgres://khac@127.0.0.1:1/khac' });
    expect(await call(fromFlag, 'app:info', {})).toMatchObject({ connectionSource: 'flag', dbFile: 'postgres://khac@127.0.0.1:1/khac' });
  });
});
