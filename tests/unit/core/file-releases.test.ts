import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReleases } from '../../../electron/core/files/fileReleases';
import { FileStore } from '../../../electron/core/files/fileStore';

function upload(files: FileStore, name: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'bhxh-rel-')), name);
  writeFileSync(path, 'x');
  return files.registerPath(path);
}

describe('an uploaded person list (personal data) is let go as soon as its import ends', () => {
  it('kept across previews of the same file, released by the commit of its batch or by discarding it', () => {
    const files = new FileStore();
    const releases = new FileReleases(files);
    const a = upload(files, 'ds-a.xlsx');
    releases.after('people:previewImport', { file: a }, { ok: true, value: { batchId: 7 } });
    releases.after('people:previewImport', { file: a, mapping: {} }, { ok: true, value: { batchId: 8 } });
    expect(files.has(a.token)).toBe(true);
    releases.after('people:commitImport', { batchId: 8 }, { ok: true, value: {} });
    expect(files.has(a.token)).toBe(false);

    const b = upload(files, 'ds-b.xlsx');
    releases.after('people:previewImport', { file: b }, { ok: true, value: { batchId: 9 } });
    releases.after('people:commitImport', { batchId: 9 }, { ok: false, error: { code: 'CONFLICT', message: 'x' } });
    expect(files.has(b.token)).toBe(true);
    releases.after('people:discardImport', { batchId: 9 }, { ok: true, value: { discarded: true } });
    expect(files.has(b.token)).toBe(false);
  });
});
