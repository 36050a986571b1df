import { userInfo } from 'node:os';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, channels, fail, isChannel, ok, type AppInfo, type Channel, type RequestOf, type ResponseOf, type Result, type RunMode } from '../../../shared/contract';
import { createBackup, ensureDailyBackup, keepDamagedCopy, listBackups, replaceDatabaseFile, resolveBackupFile } from '../backups/backups';
import { dbPathIn, migrate, openRaw, quickCheck, schemaVersion, type Db } from '../db/open';
import { DownloadStore } from '../files/downloadStore';
import { FileStore } from '../files/fileStore';
import type { ReportPrinter } from '../reports/printer';
import { UnitRepository } from '../units/repository';
import { clockFromEnv } from './clock';
import { localToday, type CoreContext } from './context';
import { EventHub } from './events';
import { corruptError, createHandlers, RECOVERY_CHANNELS, type Handlers } from './handlers';

export interface AppCoreOptions {
  dataDir: string;
  mode: RunMode;
  /** Who is recorded in the audit log; defaults to the OS user name. */
  actor?: string;
  /** Fixed clock for tests; defaults to the system clock, or the day in BHXH_TODAY. */
  now?: () => Date;
  /** Skip the once-a-day backup (CLI one-shots and tests that count backups). */
  skipDailyBackup?: boolean;
}

export interface AppCore {
  readonly dataDir: string;
  readonly mode: RunMode;
  readonly files: FileStore;
  readonly downloads: DownloadStore;
  readonly events: EventHub;
  /** Validates the request with the channel's zod schema and runs its handler. Never throws. */
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  /** `dispatch` typed by the contract: the response, or the failure thrown as an AppError (CLI, tests). */
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Where PDFs and prints of reports come from; the adapter that can render pages sets it. */
  setReportPrinter(printer: ReportPrinter | null): void;
  /** The open connection, for tests and benchmarks; null while the database is unusable. */
  database(): Db | null;
  close(): void;
}

interface DbState {
  db: Db | null;
  status: 'ok' | 'corrupt';
  message: string | null;
}

const VERSION = readVersion();

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Opens the database (pragmas, integrity check, backup, migrations) and returns the
 * dispatcher every adapter (IPC, HTTP, CLI) calls. A damaged database does not stop the app:
 * it opens in recovery mode where only restore works.
 */
export async function openAppCore(options: AppCoreOptions): Promise<AppCore> {
  const files = new FileStore();
  const downloads = new DownloadStore();
  const events = new EventHub();
  const actor = options.actor ?? safeUserName();
  const now = options.now ?? clockFromEnv();
  const state: DbState = { db: null, status: 'ok', message: null };

  async function open(): Promise<void> {
    let db: Db | null = null;
    try {
      db = openRaw(options.dataDir);
      const check = quickCheck(db);
      if (!check.ok) {
        Object.assign(state, { db, status: 'corrupt', message: check.message });
        return;
      }
      await migrate(db, { beforeMigrate: () => createBackup(db!, options.dataDir, 'pre-migration', now()) });
      if (!options.skipDailyBackup && new UnitRepository(db).count() > 0) await ensureDailyBackup(db, options.dataDir, now());
      Object.assign(state, { db, status: 'ok', message: null });
    } catch (error) {
      if (error instanceof AppError && error.code !== 'DB_CORRUPT') {
        db?.close();
        throw error;
      }
      Object.assign(state, { db, status: 'corrupt', message: (error as Error).message });
    }
  }

  await open();

  const context = (): CoreContext => {
    if (!state.db || state.status !== 'ok') throw corruptError(state.message);
    return { db: state.db, dataDir: options.dataDir, actor, files, events, now };
  };

  const info = (): AppInfo => {
    const usable = state.db && state.status === 'ok';
    const db = usable ? state.db! : null;
    return {
      version: VERSION,
      mode: options.mode,
      today: localToday(now()),
      dataDir: options.dataDir,
      dbFile: dbPathIn(options.dataDir),
      schemaVersion: db ? schemaVersion(db) : 0,
      dbStatus: state.status,
      dbMessage: state.message,
      demoLoaded: db ? new UnitRepository(db).hasDemo() : false,
      unitCount: db ? new UnitRepository(db).count() : 0,
    };
  };

  const restore = async ({ fileName }: { fileName: string }) => {
    if (options.mode !== 'cli' && basename(fileName) !== fileName) throw new AppError('VALIDATION', 'Chỉ khôi phục được từ bản sao lưu trong thư mục sao lưu.');
    const source = resolveBackupFile(options.dataDir, fileName);
    // A damaged database may not be readable by the backup API; then there is nothing to keep.
    let safetyBackup: string | null = null;
    let damagedCopy: string | null = null;
    if (state.db && state.status === 'ok') safetyBackup = (await createBackup(state.db, options.dataDir, 'pre-restore', now())).fileName;
    else damagedCopy = keepDamagedCopy(options.dataDir, now());
    state.db?.close();
    state.db = null;
    replaceDatabaseFile(source, dbPathIn(options.dataDir));
    await open();
    if (state.status !== 'ok') throw corruptError(state.message);
    events.emit({ type: 'data-changed', area: 'all' });
    return { restoredFrom: fileName, safetyBackup, damagedCopy };
  };

  let printer: ReportPrinter | null = null;
  const handlers: Handlers = createHandlers(context, { downloads, info, restore, listBackups: () => listBackups(options.dataDir), printer: () => printer });

  const core: AppCore = {
    dataDir: options.dataDir,
    mode: options.mode,
    files,
    downloads,
    events,
    database: () => (state.status === 'ok' ? state.db : null),
    setReportPrinter(next) {
      printer = next;
    },
    async dispatch(channel, request) {
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Không có chức năng "${String(channel)}".`);
      if (state.status !== 'ok' && !RECOVERY_CHANNELS.has(channel)) return { ok: false, error: corruptError(state.message).toShape() };
      const parsed = channels[channel].request.safeParse(request ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return fail('VALIDATION', first?.message ?? 'Dữ liệu gửi lên không hợp lệ.', {
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      try {
        const handler = handlers[channel] as (req: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toShape() };
        const message = (error as Error)?.message ?? String(error);
        return fail('INTERNAL', `Lỗi không mong đợi: ${message}`);
      }
    },
    async invoke(channel, request) {
      const result = await core.dispatch(channel, request);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as ResponseOf<typeof channel>;
    },
    close() {
      state.db?.close();
      state.db = null;
    },
  };
  return core;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'người dùng';
  } catch {
    return 'người dùng';
  }
}
