import { AppError, type CampaignCalendarItem, type CampaignDetail, type CampaignSummary, type ParsedRequestOf } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import { campaignFigures, dayRows } from '../../../shared/calc/campaigns';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_RESOURCE_LABELS, CAMPAIGN_RESOURCES, type CampaignResource } from '../../../shared/domain/campaigns';
import { formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { AgentRepository } from '../network/agentRepository';
import { changeLines, cleanText, officeIdOf } from '../network/lookups';
import { UnitRepository } from '../units/repository';
import { viewTree } from '../units/viewTree';
import { CampaignRepository, emptyResources, type CampaignListRow, type CampaignPartnerRow, type CampaignUnitRow, type CampaignWrite, type StoredCampaign } from './campaignRepository';

type SaveInput = ParsedRequestOf<'campaigns:save'>;
type SearchInput = ParsedRequestOf<'campaigns:search'>;

/** At most this many campaigns on one calendar (a year of a busy province is far below). */
export const CALENDAR_LIMIT = 2000;

/** The figures a list row shows, always from shared/calc/campaigns.ts. */
export function toSummary(r: CampaignListRow & { units: CampaignUnitRow[]; partners: CampaignPartnerRow[] }): CampaignSummary {
  return {
    ...campaignFigures({ attendees: r.attendees, signups: r.signups, plan: r.plan, cost: r.cost }),
    id: r.id, name: r.name, kind: r.kind, startsOn: r.startsOn, endsOn: r.endsOn, dayCount: r.dayCount, officeCode: r.officeCode, officeName: r.officeName,
    place: r.place, unitNames: r.units.map((u) => u.name), partners: r.partners.map((p) => ({ agentCode: p.agentCode, name: p.name })), sessions: r.sessions,
    audiences: r.audiences, isDemo: r.isDemo,
  };
}

/**
 * The unit a list filters on and every unit under it on today's tree; an unknown code filters
 * to nothing rather than to everything.
 */
export async function unitScope(ctx: CoreContext, code: string | undefined): Promise<number[] | undefined> {
  if (!code) return undefined;
  const unit = await new UnitRepository(ctx.store).byCode(code);
  if (!unit) return [];
  const tree = await viewTree(ctx.store, localToday(ctx.now()));
  const out = new Set<number>([unit.id]);
  const walk = (id: number) => {
    out.add(id);
    for (const child of tree.nodes.get(id)?.children ?? []) walk(child);
  };
  if (tree.nodes.has(unit.id)) walk(unit.id);
  return [...out];
}

export async function searchCampaigns(ctx: CoreContext, req: SearchInput): Promise<Page<CampaignSummary>> {
  const { unitCode, ...rest } = req;
  const unitIds = await unitScope(ctx, unitCode);
  const page = await new CampaignRepository(ctx.store).page({ ...rest, ...(unitIds ? { unitIds } : {}) });
  return { ...page, items: page.items.map(toSummary) };
}

export async function campaignCalendar(ctx: CoreContext, req: ParsedRequestOf<'campaigns:calendar'>): Promise<CampaignCalendarItem[]> {
  const rows = await new CampaignRepository(ctx.store).listWithSums(req, CALENDAR_LIMIT);
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind, startsOn: r.startsOn, endsOn: r.endsOn, officeName: r.officeName,
    totalSignups: (r.signups.BHXH_TN ?? 0) + (r.signups.BHYT_HGD ?? 0), isDemo: r.isDemo,
  }));
}

export async function getCampaign(ctx: CoreContext, id: number): Promise<CampaignDetail> {
  const repo = new CampaignRepository(ctx.store);
  const [stored, rows] = await Promise.all([repo.load(id), repo.rows([id])]);
  const row = rows[0];
  if (!stored || !row) throw new AppError('NOT_FOUND', `Không có hoạt động tuyên truyền số ${id}.`, { field: 'id' });
  return detailOf(stored, row);
}

function detailOf(stored: StoredCampaign, row: CampaignListRow & { units: CampaignUnitRow[]; partners: CampaignPartnerRow[] }): CampaignDetail {
  const notes = new Map(stored.days.map((d) => [d.day, d.note]));
  return {
    ...toSummary(row),
    unitCodes: row.units.map((u) => u.code),
    resources: stored.resources,
    notes: stored.notes,
    attachments: stored.attachments,
    days: dayRows(stored.days.map((d) => ({ day: d.day, attendees: d.attendees, signups: d.signups })), stored.plan).map((d) => ({ ...d, note: notes.get(d.day) ?? null })),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

/**
 * Codes of a request resolved to ids, refused in Vietnamese when unknown: the office, the units
 * it was held in, the agents among its partners (whose names they take).
 */
export async function resolveCampaign(ctx: CoreContext, input: SaveInput): Promise<{ write: CampaignWrite; officeName: string | null; unitNames: string[] }> {
  if (input.endsOn < input.startsOn) throw new AppError('VALIDATION', 'Ngày kết thúc không được trước ngày bắt đầu.', { field: 'endsOn' });
  for (const d of input.days ?? []) {
    if (d.day < input.startsOn || d.day > input.endsOn) {
      throw new AppError('VALIDATION', `Ngày ${formatDate(d.day)} nằm ngoài thời gian diễn ra (${formatDate(input.startsOn)} – ${formatDate(input.endsOn)}).`, { field: 'days' });
    }
  }
  const office = await officeIdOf(ctx.store, input.officeCode ?? null);
  const unitCodes = [...new Set(input.unitCodes ?? [])];
  const units = unitCodes.length > 0 ? await new UnitRepository(ctx.store).byCodes(unitCodes) : [];
  const missingUnits = unitCodes.filter((c) => !units.some((u) => u.code === c));
  if (missingUnits.length > 0) {
    throw new AppError('VALIDATION', `Không có đơn vị hành chính mã ${missingUnits.slice(0, 5).join(', ')}${missingUnits.length > 5 ? '…' : ''} trong danh mục.`, { field: 'unitCodes' });
  }
  const agentCodes = (input.partners ?? []).map((p) => p.agentCode).filter((c): c is string => Boolean(c));
  const agents = agentCodes.length > 0 ? await new AgentRepository(ctx.store).byCodes(agentCodes) : new Map();
  const missingAgents = [...new Set(agentCodes.filter((c) => !agents.has(c)))];
  if (missingAgents.length > 0) throw new AppError('VALIDATION', `Không có tổ chức dịch vụ thu mã ${missingAgents.join(', ')}.`, { field: 'partners' });
  const partners = (input.partners ?? []).map((p) => {
    const agent = p.agentCode ? agents.get(p.agentCode) : undefined;
    return { agentId: agent?.id ?? null, name: agent ? agent.name : cleanText(p.name)! };
  });
  const resources = emptyResources();
  for (const k of CAMPAIGN_RESOURCES) resources[k] = input.resources?.[k] ?? null;
  const byCode = new Map(units.map((u) => [u.code, u]));
  return {
    write: {
      name: cleanText(input.name)!, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, officeId: office?.id ?? null, place: cleanText(input.place),
      sessions: input.sessions ?? 1, audiences: input.audiences ?? [], resources, cost: input.cost ?? null,
      plan: { BHXH_TN: input.plan?.BHXH_TN ?? null, BHYT_HGD: input.plan?.BHYT_HGD ?? null }, notes: cleanText(input.notes), attachments: input.attachments ?? [],
      days: (input.days ?? []).map((d) => ({ day: d.day, attendees: d.attendees ?? null, signups: { BHXH_TN: d.signups.BHXH_TN ?? null, BHYT_HGD: d.signups.BHYT_HGD ?? null }, note: cleanText(d.note) })),
      unitIds: unitCodes.map((c) => byCode.get(c)!.id),
      partners,
    },
    officeName: office?.name ?? null,
    unitNames: unitCodes.map((c) => byCode.get(c)!.name),
  };
}

const dates = (c: { startsOn: string; endsOn: string }) => (c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`);

/** Creates (no id) or replaces a campaign with its days: one transaction with its audit row. */
export async function saveCampaign(ctx: CoreContext, input: SaveInput): Promise<CampaignDetail> {
  const repo = new CampaignRepository(ctx.store);
  const before = input.id === undefined ? null : await repo.load(input.id);
  if (input.id !== undefined && !before) throw new AppError('NOT_FOUND', `Không có hoạt động tuyên truyền số ${input.id}.`, { field: 'id' });
  const { write, officeName } = await resolveCampaign(ctx, input);
  const now = isoNow(ctx);
  let id: number;
  if (before) {
    id = before.id;
    const beforeRow = (await repo.rows([id]))[0]!;
    const changes = changeLines([
      ['tên', before.name, write.name], ['loại hình', CAMPAIGN_KIND_LABELS[before.kind], CAMPAIGN_KIND_LABELS[write.kind]], ['thời gian', dates(before), dates(write)],
      ['cơ quan', beforeRow.officeName, officeName], ['địa điểm', before.place, write.place], ['số buổi', before.sessions, write.sessions],
      ['kế hoạch BHXH TN', before.plan.BHXH_TN, write.plan.BHXH_TN], ['kế hoạch BHYT HGĐ', before.plan.BHYT_HGD, write.plan.BHYT_HGD], ['chi phí', before.cost, write.cost],
      ['số ngày có kết quả', before.days.length, write.days.length],
      ['kết quả theo ngày', JSON.stringify(before.days.map((d) => [d.day, d.attendees, d.signups.BHXH_TN, d.signups.BHYT_HGD])), JSON.stringify(write.days.map((d) => [d.day, d.attendees, d.signups.BHXH_TN, d.signups.BHYT_HGD]))],
      ['đơn vị', before.unitIds.length, write.unitIds.length], ['đơn vị phối hợp', before.partners.map((p) => p.name), write.partners.map((p) => p.name)],
      ...CAMPAIGN_RESOURCES.map((k: CampaignResource): [string, unknown, unknown] => [CAMPAIGN_RESOURCE_LABELS[k].toLowerCase(), before.resources[k], write.resources[k]]),
      ['đối tượng', before.audiences, write.audiences], ['ghi chú', before.notes, write.notes],
    ]).map((line) => (line.startsWith('kết quả theo ngày') ? 'kết quả theo ngày đã sửa' : line));
    await ctx.store.transaction(async () => {
      await repo.replace(id, write, now);
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'campaign', entityKey: String(id), summary: `Sửa hoạt động tuyên truyền ${before.name}${changes.length ? `: ${changes.join('; ')}` : ''}` }, ctx.now());
    });
  } else {
    id = await ctx.store.transaction(async () => {
      const newId = await repo.insert(write, now);
      await recordAudit(ctx.store, ctx.actor, {
        action: 'create', entity: 'campaign', entityKey: String(newId),
        summary: `Thêm hoạt động tuyên truyền ${write.name} (${CAMPAIGN_KIND_LABELS[write.kind]}, ${dates(write)}${officeName ? `, ${officeName}` : ''})`,
      }, ctx.now());
      return newId;
    });
  }
  ctx.events.emit({ type: 'data-changed', area: 'campaigns' });
  return getCampaign(ctx, id);
}

export async function deleteCampaign(ctx: CoreContext, id: number): Promise<{ deleted: number }> {
  const repo = new CampaignRepository(ctx.store);
  const before = await repo.load(id);
  if (!before) throw new AppError('NOT_FOUND', `Không có hoạt động tuyên truyền số ${id}.`, { field: 'id' });
  const deleted = await ctx.store.transaction(async () => {
    const n = await repo.delete(id);
    await recordAudit(ctx.store, ctx.actor, { action: 'delete', entity: 'campaign', entityKey: String(id), summary: `Xóa hoạt động tuyên truyền ${before.name} (${CAMPAIGN_KIND_LABELS[before.kind]}, ${dates(before)})` }, ctx.now());
    return n;
  });
  ctx.events.emit({ type: 'data-changed', area: 'campaigns' });
  return { deleted };
}
