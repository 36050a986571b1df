import { userInfo } from 'node:os';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, channels, fail, isChannel, ok, type AppInfo, type Channel, type ConnectionSource, type RequestOf, type ResponseOf, type Result, type RunMode } from '../../../shared/contract';
import { recordAudit } from '../audit/audit';
import { createBackup, ensureDailyBackup, keepDamagedCopy, listBackups, removePartialBackups, resolveBackupFile } from '../backups/backups';
import { commitRestore, removeStaleRestore, stageRestore, verifyBackup } from '../backups/restore';
import { FolderLock } from '../db/folderLock';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../db/migrate';
import { assertLocalPath, databaseTarget, dbPathIn, openStore, type DatabaseTarget } from '../db/open';
import { redactUrl } from '../db/postgresStore';
import { SqliteStore } from '../db/sqliteStore';
import type { Engine, Store } from '../db/store';
import { DownloadStore } from '../files/downloadStore';
import { FileStore } from '../files/fileStore';
import type { ReportPrinter } from '../reports/printer';
import { UnitRepository } from '../units/repository';
import { clockFromEnv } from './clock';
import { localToday, type CoreContext } from './context';
import { connectionHandlers } from './connectionService';
import { resolveConnection, type ResolvedConnection } from './connection';
import { toAppError } from './errors';
import { EventHub } from './events';
import { createHandlers, RECOVERY_CHANNELS, type Handlers } from './handlers';

export interface AppCoreOptions {
  dataDir: string;
  mode: RunMode;
  /** A PostgreSQL URL given with `--database`: the shared server instead of the data folder's file. */
  databaseUrl?: string | null;
  /** BHXH_DATABASE_URL as the adapter read it (core never reads the environment for it): below the flag, above connection.json. */
  databaseEnv?: string | null;
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
  /** The engine in use now (a reconnect may change it). */
  readonly engine: Engine;
  readonly files: FileStore;
  readonly downloads: DownloadStore;
  readonly events: EventHub;
  /** Validates the request with the channel's zod schema and runs its handler. Never throws. */
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  /** `dispatch` typed by the contract: the response, or the failure thrown as an AppError (CLI, tests). */
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Where PDFs and prints of reports come from; the adapter that can render pages sets it. */
  setReportPrinter(printer: ReportPrinter | null): void;
  /** The open database, for tests and benchmarks; null while it is unusable. */
  store(): Store | null;
  close(): Promise<void>;
}

interface DbState {
  store: Store | null;
  status: AppInfo['dbStatus'];
  message: string | null;
  code: string | null;
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
 * Opens the database (integrity check, backup, migrations) and returns the dispatcher every
 * adapter (IPC, HTTP, CLI) calls. A database that cannot be used (damaged, unreachable, of a
 * newer version) does not stop the app: it opens in recovery mode, where the screen says why
 * and only what can help (restore, the backups list) works.
 */
export async function openAppCore(options: AppCoreOptions): Promise<AppCore> {
  const files = new FileStore();
  const downloads = new DownloadStore();
  const events = new EventHub();
  const actor = options.actor ?? safeUserName();
  const now = options.now ?? clockFromEnv();
  const state: DbState = { store: null, status: 'ok', message: null, code: null };
  // Where the database is: --database > BHXH_DATABASE_URL > connection.json > the embedded file.
  // A connection saved on screen wins over the flag for the rest of this process's life.
  let source: ConnectionSource = 'embedded';
  let target: DatabaseTarget = { engine: 'sqlite', dataDir: options.dataDir };
  let dbFile = dbPathIn(options.dataDir);
  let lock: FolderLock | null = null;
  let readOnly = false;
  /** A saved connection.json that cannot be read: the app opens in recovery mode with the form. */
  let configError: AppError | null = null;

  function choose(resolved: ResolvedConnection): void {
    source = resolved.source;
    target = databaseTarget(options.dataDir, resolved.url);
    dbFile = target.engine === 'sqlite' ? dbPathIn(target.dataDir) : redactUrl(target.url);
    // The data folder is one writer's at a time; a shared server is everyone's.
    if (target.engine === 'sqlite' && !lock) lock = acquireLock(options.dataDir, options.mode, now());
    if (target.engine !== 'sqlite' && lock) {
      lock.release();
      lock = null;
    }
    readOnly = lock !== null && !lock.owned;
  }

  function resolveAndChoose(input: { flag?: string | null; env?: string | null }): void {
    configError = null;
    let resolved: ResolvedConnection;
    try {
      resolved = resolveConnection(options.dataDir, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      configError = error;
      resolved = { source: 'file', url: null };
    }
    choose(resolved);
  }

  resolveAndChoose({ flag: options.databaseUrl, env: options.databaseEnv });

  async function open(): Promise<void> {
    let store: Store | null = null;
    if (configError) {
      Object.assign(state, { store: null, status: 'unavailable', message: configError.message, code: configError.code });
      return;
    }
    try {
      if (target.engine === 'sqlite' && !readOnly) {
        removeStaleRestore(dbFile);
        removePartialBackups(options.dataDir);
      }
      store = readOnly ? SqliteStore.open(dbFile, { readonly: true, fileMustExist: true }) : await openStore(target);
      const check = await store.check();
      if (!check.ok) {
        Object.assign(state, { store, status: 'corrupt', message: check.message, code: 'DB_CORRUPT' });
        return;
      }
      if (readOnly) {
        if ((await schemaVersion(store)) !== LATEST_SCHEMA_VERSION) throw lock!.busyError('nâng cấp cơ sở dữ liệu');
      } else {
        const sqlite = store instanceof SqliteStore ? store : null;
        await migrate(store, { beforeMigrate: () => createBackup(sqlite!, options.dataDir, 'pre-migration', now()) });
        if (sqlite && !options.skipDailyBackup && (await new UnitRepository(store).count()) > 0) await ensureDailyBackup(sqlite, options.dataDir, now());
      }
      Object.assign(state, { store, status: 'ok', message: null, code: null });
    } catch (error) {
      const known = error instanceof AppError ? error : null;
      if (known?.code === 'DB_NETWORK_PATH') {
        await store?.close();
        throw known;
      }
      // An engine error on the embedded file ("file is not a database"…) means a damaged file: the
      // recovery screen offers a restore. Anything else (server unreachable, newer schema) says why.
      const corrupt = !known && target.engine === 'sqlite';
      await store?.close();
      const shown = known ?? (corrupt ? null : toAppError(error, { location: dbFile }));
      Object.assign(state, {
        store: null,
        status: corrupt ? 'corrupt' : 'unavailable',
        message: shown ? shown.message : (error as Error).message,
        code: shown ? shown.code : 'DB_CORRUPT',
      });
    }
  }

  await open();

  const context = (): CoreContext => {
    if (!state.store || state.status !== 'ok') throw unusableError(state);
    return { store: state.store, dataDir: options.dataDir, actor, files, events, now };
  };

  const info = async (): Promise<AppInfo> => {
    const store = state.status === 'ok' ? state.store : null;
    const units = store ? new UnitRepository(store) : null;
    return {
      version: VERSION,
      mode: options.mode,
      today: localToday(now()),
      dataDir: options.dataDir,
      engine: target.engine,
      dbFile,
      schemaVersion: store ? await schemaVersion(store) : 0,
      dbStatus: state.status,
      dbMessage: state.message,
      readOnly,
      readOnlyMessage: readOnly ? lock!.busyError().message : null,
      demoLoaded: units ? await units.hasDemo() : false,
      unitCount: units ? await units.count() : 0,
      connectionSource: source,
      dbErrorCode: state.status === 'ok' ? null : state.code,
    };
  };

  /** Closes what is open and opens the database chosen now; the screen then reads app:info. */
  const reconnect = async (input: { flag?: string | null; env?: string | null }): Promise<void> => {
    const previous = state.store;
    // Until open() says otherwise, nothing but the recovery channels may touch the database.
    Object.assign(state, { store: null, status: 'unavailable', message: 'Đang mở lại cơ sở dữ liệu.', code: 'UNAVAILABLE' });
    await previous?.close();
    resolveAndChoose(input);
    await open();
    events.emit({ type: 'data-changed', area: 'all' });
  };

  /** Set once a connection is saved on screen: from then on this process follows connection.json, not the flag. */
  let followSaved = false;
  const connections = connectionHandlers({
    dataDir: options.dataDir,
    current: () => ({ source, engine: target.engine, location: dbFile, url: target.engine === 'postgres' ? target.url : null }),
    onSaved: () => {
      followSaved = true;
    },
    reconnect: async () => {
      const before = { location: dbFile, ok: state.status === 'ok' };
      await reconnect(followSaved ? {} : { flag: options.databaseUrl, env: options.databaseEnv });
      const store = state.store;
      if (store && state.status === 'ok' && !readOnly && (before.location !== dbFile || !before.ok)) {
        // dbFile is the address without its password: nothing secret reaches the audit log.
        const where = target.engine === 'postgres' ? `máy chủ PostgreSQL ${dbFile}` : 'tệp trên máy này';
        const summary = before.location !== dbFile ? `Chuyển kết nối cơ sở dữ liệu sang ${where}` : `Kết nối lại cơ sở dữ liệu (${where})`;
        await store.transaction(() => recordAudit(store, actor, { action: 'update', entity: 'database', entityKey: 'connection', summary }, now()));
      }
      return info();
    },
  });

  const restore = async ({ fileName }: { fileName: string }) => {
    if (target.engine !== 'sqlite') throw new AppError('BACKUP_BY_ADMIN', 'Dữ liệu nằm trên máy chủ PostgreSQL dùng chung: việc sao lưu và khôi phục do quản trị viên máy chủ thực hiện (pg_dump, pg_restore), không khôi phục từ tệp trong ứng dụng.');
    if (readOnly) throw lock!.busyError('khôi phục dữ liệu');
    if (options.mode !== 'cli' && basename(fileName) !== fileName) throw new AppError('VALIDATION', 'Chỉ khôi phục được từ bản sao lưu trong thư mục sao lưu.');
    const source = resolveBackupFile(options.dataDir, fileName);
    const shown = basename(source);
    // Everything that can refuse the file runs before anything changes.
    await verifyBackup(source, shown);
    const staged = await stageRestore(source, dbFile, shown);
    let safetyBackup: string | null = null;
    let damagedCopy: string | null = null;
    const current = state.store instanceof SqliteStore ? state.store : null;
    if (current && state.status === 'ok') safetyBackup = (await createBackup(current, options.dataDir, 'pre-restore', now())).fileName;
    else damagedCopy = keepDamagedCopy(dbFile, options.dataDir, now());
    if (current && state.status === 'ok') current.checkpoint();
    await state.store?.close();
    state.store = null;
    commitRestore(staged, dbFile);
    await open();
    // (open() replaced state.store; TypeScript still sees the null assigned above.)
    const reopened = state.store as Store | null;
    if (state.status !== 'ok' || !reopened) throw unusableError(state);
    await reopened.transaction(() =>
      recordAudit(reopened, actor, { action: 'restore', entity: 'database', entityKey: shown, summary: `Khôi phục dữ liệu từ bản sao lưu ${shown}${safetyBackup ? `; dữ liệu trước đó được lưu trong ${safetyBackup}` : ''}` }, now()),
    );
    events.emit({ type: 'data-changed', area: 'all' });
    return { restoredFrom: fileName, safetyBackup, damagedCopy };
  };

  let printer: ReportPrinter | null = null;
  const handlers: Handlers = createHandlers(context, {
    downloads,
    info,
    restore,
    listBackups: () => (target.engine === 'sqlite' ? listBackups(options.dataDir) : []),
    printer: () => printer,
    connection: connections,
  });
  const busy = () => (readOnly ? lock!.busyError() : null);

  const core: AppCore = {
    dataDir: options.dataDir,
    mode: options.mode,
    get engine() {
      return target.engine;
    },
    files,
    downloads,
    events,
    store: () => (state.status === 'ok' ? state.store : null),
    setReportPrinter(next) {
      printer = next;
    },
    async dispatch(channel, request) {
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Không có chức năng "${String(channel)}".`);
      if (state.status !== 'ok' && !RECOVERY_CHANNELS.has(channel)) return { ok: false, error: unusableError(state).toShape() };
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
        return { ok: false, error: toAppError(error, { location: dbFile, busy }).toShape() };
      }
    },
    async invoke(channel, request) {
      const result = await core.dispatch(channel, request);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as ResponseOf<typeof channel>;
    },
    async close() {
      await state.store?.close();
      state.store = null;
      lock?.release();
    },
  };
  return core;
}

function acquireLock(dataDir: string, mode: RunMode, now: Date): FolderLock | null {
  try {
    assertLocalPath(dataDir);
    mkdirSync(dataDir, { recursive: true });
    return FolderLock.acquire(dataDir, mode, now);
  } catch {
    // A folder the app cannot write a lock into cannot hold its database either; openStore says why.
    return null;
  }
}

function unusableError(state: DbState): AppError {
  if (state.status === 'corrupt') return new AppError('DB_CORRUPT', `Cơ sở dữ liệu bị hỏng (${state.message ?? 'không rõ lỗi'}). Hãy khôi phục từ một bản sao lưu.`);
  return new AppError('UNAVAILABLE', state.message ?? 'Chưa mở được cơ sở dữ liệu.');
}

function safeUserName(): string {
  try {
    return userInfo().username || 'người dùng';
  } catch {
    return 'người dùng';
  }
}
