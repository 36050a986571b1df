import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Schema, TableName } from './schema';

export type Engine = 'sqlite' | 'postgres';

/** The transaction an async call chain is inside, if any; joined by nested `transaction()` calls. */
interface TransactionScope {
  store: Store;
  trx: Kysely<Schema> | null;
  /** The PostgreSQL client the transaction runs on (set by the pool wrapper), for COPY. */
  client: unknown;
}

const scopes = new AsyncLocalStorage<TransactionScope>();

/** The current scope, for engine code that needs the transaction's own connection. */
export function currentScope(): TransactionScope | undefined {
  return scopes.getStore();
}

/**
 * One database, whichever engine holds it. Services and repositories see only this: the
 * query builder (`db`), transactions and the few things only one engine can do. Inside
 * `transaction()` every query of the same async call chain, however deep, runs in that
 * transaction, so a repository never has to be handed a transaction object.
 */
export abstract class Store {
  abstract readonly engine: Engine;
  /** Where the data is, for people: the file, or the server without its password. */
  abstract readonly location: string;
  protected abstract readonly root: Kysely<Schema>;
  /** Statements sent so far: benchmarks print it per request, tests check a screen asks a constant number. */
  queryCount = 0;

  /** Kysely's log hook: counts every statement the query builder sends. */
  protected readonly countQueries = (event: { level: string }) => {
    if (event.level === 'query' || event.level === 'error') this.queryCount++;
  };

  /** The executor for this moment: the current transaction, else the connection (pool). */
  get db(): Kysely<Schema> {
    const scope = scopes.getStore();
    return scope?.store === this && scope.trx ? scope.trx : this.root;
  }

  get inTransaction(): boolean {
    return scopes.getStore()?.store === this;
  }

  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * A call inside another transaction of this store joins it.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    const scope: TransactionScope = { store: this, trx: null, client: null };
    return scopes.run(scope, () =>
      this.root.transaction().execute(async (trx) => {
        scope.trx = trx;
        return fn();
      }),
    );
  }

  /**
   * Inserts many rows in the current transaction (one is opened if there is none): batched
   * prepared statements on SQLite, COPY on PostgreSQL. Values in `columns` order.
   */
  abstract bulkInsert(table: TableName, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;

  /**
   * Runs a write that leaves a large log behind (a bulk import's commit). On SQLite the log is
   * folded into the file by a worker thread after it, not on this thread before it returns.
   */
  largeWrite<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  /** Resolves once the log folding asked for by `largeWrite` has run (tests, backups of the bare file). */
  async checkpointsSettled(): Promise<void> {}

  /**
   * Builds indexes (and re-adds foreign keys) set aside for a bulk load, in the current
   * transaction, with the engine's sorting tuned for it. Statements as the engine wrote them.
   */
  abstract buildIndexes(statements: readonly string[]): Promise<void>;

  /**
   * Gives the space of deleted rows back (after personal data is deleted for good): VACUUM of
   * the file on SQLite, of the tables on PostgreSQL. Never inside a transaction.
   */
  abstract compact(tables: readonly TableName[]): Promise<void>;

  /** The database file's size in bytes (with its WAL) on SQLite; null on a server. */
  fileBytes(): number | null {
    return null;
  }

  /** 'ok', or what the engine reports is wrong, for the recovery screen. */
  abstract check(): Promise<{ ok: boolean; message: string }>;

  abstract close(): Promise<void>;
}
