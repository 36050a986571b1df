import type { CampaignBatch } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { chunks } from '../db/batching';
import { pageOf } from '../db/paging';
import type { Store } from '../db/store';

/** The SQL of campaign import batches and of the checks their undo makes. */
export class CampaignBatchRepository {
  constructor(private readonly store: Store) {}

  async open(fileName: string, at: string, actor: string): Promise<number> {
    const row = await this.store.db.insertInto('campaign_batches').values({ file_name: fileName, at, actor, summary: '', undo: '{}', undone_at: null }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async finish(id: number, summary: string, undoJson: string): Promise<void> {
    await this.store.db.updateTable('campaign_batches').set({ summary, undo: undoJson }).where('id', '=', id).execute();
  }

  async get(id: number) {
    return this.store.db.selectFrom('campaign_batches').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async markUndone(id: number, at: string): Promise<void> {
    await this.store.db.updateTable('campaign_batches').set({ undone_at: at }).where('id', '=', id).execute();
  }

  /** Newest first (oldest first with desc: false). */
  async page(req: PageRequest<'at'>): Promise<Page<CampaignBatch>> {
    const query = this.store.db.selectFrom('campaign_batches').select(['id', 'file_name as fileName', 'at', 'actor', 'summary', 'undone_at as undoneAt']);
    const oldestFirst = req.sort === 'at' && req.desc === false;
    return pageOf(query, req, (q) => q.orderBy('id', oldestFirst ? 'asc' : 'desc'));
  }

  /** The first of these campaigns edited after `at`, if any. */
  async editedAfter(ids: number[], at: string): Promise<{ name: string; updated_at: string } | undefined> {
    for (const chunk of chunks(ids)) {
      const later = await this.store.db.selectFrom('campaigns').select(['name', 'updated_at']).where('id', 'in', chunk).where('updated_at', '>', at).orderBy('id').executeTakeFirst();
      if (later) return later;
    }
    return undefined;
  }

  async existing(ids: number[]): Promise<Set<number>> {
    const present = new Set<number>();
    for (const chunk of chunks(ids)) for (const r of await this.store.db.selectFrom('campaigns').select('id').where('id', 'in', chunk).execute()) present.add(r.id);
    return present;
  }

  /** What campaigns, units and agents look like now: a preview is committed only onto the same state. */
  async fingerprint(): Promise<string> {
    const c = await this.store.db
      .selectFrom('campaigns')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('at'), (eb) => eb.fn.max('id').as('last')])
      .executeTakeFirst();
    const parts = [`campaigns:${Number(c?.n ?? 0)}:${String(c?.at ?? '')}:${String(c?.last ?? '')}`];
    for (const table of ['units', 'agents', 'offices'] as const) {
      const r = await this.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      parts.push(`${table}:${Number(r?.n ?? 0)}`);
    }
    return parts.join('|');
  }
}
