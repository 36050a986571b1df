// Piped output is the CLI process's own behaviour, whatever the engine: it runs on the SQLite project only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

// The real CLI process in a shell pipeline, as scripts use it: `npm run cli -- … --json | …`.
const CLI = `'${process.execPath}' --import tsx electron/cli/main.ts`;

function shell(script: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BHXH_TODAY: '2026-11-22' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('CLI output through pipes', () => {
  let root: string;
  let dataDir: string;
  /** What `units list --json` prints, taken in this process (no pipe involved). */
  let expected: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bhxh-pipes-'));
    dataDir = join(root, 'du-lieu');
    // A province with 80 districts of 100 communes: its unit list is well over 1 MB of JSON.
    const rows: unknown[][] = [['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp']];
    for (let d = 0; d < 80; d++) {
      for (let c = 0; c < 100; c++) rows.push(['95', 'Tỉnh Bạc Liêu', String(700 + d), `Huyện Thử ${d + 1}`, String(10000 + d * 100 + c), `Xã Thử Nghiệm ${d + 1}-${c + 1}`, 'Xã']);
    }
    const file = writeWorkbook(join(root, 'danh-muc-lon.xlsx'), [{ name: 'DanhMuc', rows }]);
    const imported = await cli('units', 'import', file, '--data-dir', dataDir);
    expect(imported.code, imported.err).toBe(0);
    const listed = await cli('units', 'list', '--json', '--data-dir', dataDir);
    expect(listed.code, listed.err).toBe(0);
    expected = `${listed.out}\n`;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(1_000_000);
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('| wc -c counts every byte of JSON well over 1 MB', () => {
    const run = shell(`${CLI} units list --json --data-dir '${dataDir}' | wc -c`);
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.stdout.trim())).toBe(Buffer.byteLength(expected));
    expect(run.stderr).toBe('');
  }, 60_000);

  it('a slow reader still gets complete, valid JSON', () => {
    const out = join(root, 'cham.json');
    const run = shell(`${CLI} units list --json --data-dir '${dataDir}' | (sleep 1; cat > '${out}')`);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(expected);
    expect(JSON.parse(text)).toHaveLength(8081);
  }, 60_000);

  it('| head -c 1000 ends the CLI cleanly: exit 0, nothing on stderr, no stack trace', () => {
    const err = join(root, 'loi.txt');
    const run = shell(`${CLI} units list --json --data-dir '${dataDir}' 2>'${err}' | head -c 1000; echo " cli=\${PIPESTATUS[0]}" >&2`);
    expect(run.stdout).toBe(Buffer.from(expected).subarray(0, 1000).toString('utf8'));
    expect(run.stderr.trim()).toBe('cli=0');
    expect(readFileSync(err, 'utf8')).toBe('');
  }, 60_000);

  it('the table for people goes through | head -n 3 the same way', () => {
    const err = join(root, 'loi-bang.txt');
    const run = shell(`${CLI} units list --data-dir '${dataDir}' 2>'${err}' | head -n 3; echo " cli=\${PIPESTATUS[0]}" >&2`);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^Mã\s+Tên\s+Cấp/), expect.stringMatching(/^95\s+Tỉnh Bạc Liêu/)]);
    expect(run.stderr.trim()).toBe('cli=0');
    expect(readFileSync(err, 'utf8')).toBe('');
  }, 60_000);

  it('a wrong flag in the real process: exit 2, Vietnamese on stderr with the usage, nothing on stdout', () => {
    const run = shell(`${CLI} units list --json --khong-co --data-dir '${dataDir}' | wc -c; echo "cli=\${PIPESTATUS[0]}" >&2`);
    expect(run.stdout.trim()).toBe('0');
    expect(run.stderr).toContain('Không có tùy chọn --khong-co.');
    expect(run.stderr).toContain('Cách dùng: npm run cli -- units list');
    expect(run.stderr).not.toMatch(/Unknown option|To specify|at .*\(|node:internal/);
    expect(run.stderr).toContain('cli=2');
  }, 60_000);
});
