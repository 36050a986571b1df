import type { CellIssue } from '../../../shared/contract';
import { AGENT_KIND_LABELS, AGENT_STATUS_LABELS, agentKindOf, type AgentKind } from '../../../shared/domain/network';
import { formatDate } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import type { AgentFields } from './agentRepository';
import type { AgentField } from './importHeaders';
import type { AgentOp, ListContext } from './importListContext';
import type { OfficeRef } from './importLookups';
import { cellText, codeOf, dateOf, type DataRow, type Table } from './importSheets';
import { ALL_COMMUNES, badDate, CODE, productOf, splitNames, STATUS_WORDS, statusOf } from './importValues';
import { changeLines, cleanText } from './lookups';

/**
 * The agents of a list: a code on record updates that agent, blank cells keeping what is there.
 * The signing office comes from a column or, for agents without one, from the title rows.
 */
export function planAgents(c: ListContext, t: Table<AgentField>, rows: DataRow<AgentField>[]): AgentOp[] {
  const agentOps: AgentOp[] = [];
  const titleOffice = c.lookups.officeInTitle(t.titleLines);
  if (!titleOffice && !t.columns.office) c.out.warnings.push({ sheet: t.sheet.name, row: t.headerIndex + 1, column: null, cell: null, message: 'Không xác định được cơ quan BHXH ký hợp đồng (không có cột cơ quan, tiêu đề không nêu cơ quan nào có trong danh mục); các tổ chức mới để trống cơ quan ký.' });
  for (const r of rows) {
    const op = planAgent(r, c, titleOffice);
    if (!op) continue;
    c.fileAgents.set(op.code, { row: r.row, name: op.fields.name, officeId: op.fields.officeId });
    if (op.description === '') c.counts.agents.unchanged++;
    else {
      agentOps.push(op);
      c.record('agents', op.action, op.code, op.fields.name, op.description);
    }
  }
  return agentOps;
}

/** One agent row: its fields merged over the record, or null with the row's errors collected. */
function planAgent(r: DataRow<AgentField>, c: ListContext, titleOffice: OfficeRef | null): AgentOp | null {
  const errors: CellIssue[] = [];
  const code = codeOf(r.get('code'));
  if (!code) errors.push({ ...r.at('code'), message: 'Thiếu mã tổ chức dịch vụ thu.' });
  else if (!CODE.test(code)) errors.push({ ...r.at('code'), message: `Mã "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự.` });
  else if (c.fileAgents.has(code)) errors.push({ ...r.at('code'), message: `Mã ${code} trùng với dòng ${c.fileAgents.get(code)!.row}.` });
  const before = code ? c.existingAgents.get(code) : undefined;
  const name = cleanText(cellText(r.get('name')));
  if (!name && !before) errors.push({ ...r.at('name'), message: 'Thiếu tên tổ chức dịch vụ thu.' });
  const kindText = cellText(r.get('kind'));
  let kind: AgentKind | null = kindText ? agentKindOf(kindText) : before?.kind ?? (name ? agentKindOf(name) : null);
  if (kindText && !kind) errors.push({ ...r.at('kind'), message: `Loại tổ chức "${kindText}" không rõ: ghi một trong ${Object.values(AGENT_KIND_LABELS).join(', ')}.` });
  if (!kindText && !kind && !before && name) {
    kind = 'OTHER';
    c.out.warnings.push({ ...r.at('kind'), message: `Không rõ loại của "${name}"; ghi là "${AGENT_KIND_LABELS.OTHER}".` });
  }
  const productText = cellText(r.get('product'));
  const product = productText ? productOf(productText) : before?.product ?? 'ALL';
  if (!product) errors.push({ ...r.at('product'), message: `Sản phẩm "${productText}" không rõ: ghi "BHXH TN", "BHYT HGĐ" hoặc cả hai.` });
  const signed = dateOf(r.get('signedOn'));
  const expires = dateOf(r.get('expiresOn'));
  if (!signed.ok) errors.push({ ...r.at('signedOn'), message: badDate('Ngày ký hợp đồng', r.get('signedOn')) });
  if (!expires.ok) errors.push({ ...r.at('expiresOn'), message: badDate('Ngày hết hiệu lực', r.get('expiresOn')) });
  const officeText = cellText(r.get('office'));
  let office: OfficeRef | null = before ? c.lookups.officeById(before.officeId) : null;
  if (officeText) {
    office = c.lookups.office(officeText);
    if (!office) errors.push({ ...r.at('office'), message: `Không có cơ quan BHXH cơ sở "${officeText}" trong danh mục cơ quan.` });
  } else if (titleOffice && !before?.officeId) office = titleOffice;
  const statusText = cellText(r.get('status'));
  const status = statusText ? statusOf(statusText, STATUS_WORDS) : before?.status ?? 'active';
  if (!status) errors.push({ ...r.at('status'), message: `Trạng thái "${statusText}" không rõ: ghi "Đang hoạt động", "Tạm dừng" hoặc "Đã chấm dứt".` });
  let allCommunes = before?.allCommunes ?? false;
  let communeIds: number[] | null = null;
  const communeText = cellText(r.get('communes'));
  if (communeText) {
    if (ALL_COMMUNES.test(foldText(communeText))) {
      allCommunes = true;
      communeIds = [];
      if (!office) errors.push({ ...r.at('communes'), message: `"${communeText}": tổ chức phục vụ tất cả các xã phải có cơ quan BHXH cơ sở ký hợp đồng (ghi ở cột cơ quan hoặc tiêu đề).` });
    } else {
      allCommunes = false;
      communeIds = [];
      for (const part of splitNames(communeText)) {
        const hit = c.lookups.commune(part, office);
        if (hit.ok) communeIds.push(hit.unit.id);
        else errors.push({ ...r.at('communes'), message: hit.message });
      }
    }
  }
  const signedOn = (signed.ok && signed.value) || before?.signedOn || null;
  const expiresOn = (expires.ok && expires.value) || before?.expiresOn || null;
  if (signedOn && expiresOn && expiresOn < signedOn) errors.push({ ...r.at('expiresOn'), message: `Ngày hết hiệu lực ${formatDate(expiresOn)} trước ngày ký ${formatDate(signedOn)}.` });
  if (errors.length > 0) {
    c.out.errors.push(...errors);
    return null;
  }
  const keep = (f: AgentField, b: string | null | undefined) => cleanText(cellText(r.get(f))) ?? b ?? null;
  const fields: AgentFields = {
    name: name ?? before!.name, kind: kind!, product: product!, contractNo: keep('contractNo', before?.contractNo), signedOn, expiresOn, officeId: office?.id ?? null,
    status: status!, allCommunes, address: keep('address', before?.address), phone: keep('phone', before?.phone), representative: keep('representative', before?.representative),
    note: keep('note', before?.note),
  };
  if (!before) {
    const where = allCommunes ? 'tất cả các xã' : communeIds && communeIds.length > 0 ? communeIds.map((id) => c.lookups.unitName(id)).join(', ') : null;
    return { action: 'add', id: null, code: code!, fields, communeIds, description: `Thêm ${fields.name} (mã ${code}, ${AGENT_KIND_LABELS[fields.kind]})${where ? `, hoạt động: ${where}` : ''}` };
  }
  const namedBefore = (c.agentCommunes.get(before.id) ?? []).slice().sort((x, y) => x - y);
  const diff = changeLines([
    ['tên', before.name, fields.name], ['loại', AGENT_KIND_LABELS[before.kind], AGENT_KIND_LABELS[fields.kind]], ['số hợp đồng', before.contractNo, fields.contractNo],
    ['ngày ký', formatDate(before.signedOn), formatDate(fields.signedOn)], ['hiệu lực đến', formatDate(before.expiresOn), formatDate(fields.expiresOn)],
    ['cơ quan ký', before.officeName, office?.name ?? null], ['trạng thái', AGENT_STATUS_LABELS[before.status], AGENT_STATUS_LABELS[fields.status]],
    ['phục vụ tất cả các xã', before.allCommunes, fields.allCommunes], ['địa chỉ', before.address, fields.address], ['điện thoại', before.phone, fields.phone],
    ['người đại diện', before.representative, fields.representative], ['ghi chú', before.note, fields.note], ['sản phẩm', before.product, fields.product],
    ...(communeIds
      ? ([['xã hoạt động', namedBefore.map((id) => c.lookups.unitName(id)), [...new Set(communeIds)].sort((x, y) => x - y).map((id) => c.lookups.unitName(id))]] as [string, unknown, unknown][])
      : []),
  ]);
  return { action: 'update', id: before.id, code: code!, fields, communeIds, description: diff.join('; ') };
}
