import type { CellIssue } from '../../../shared/contract';
import { formatDate } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import type { PointField } from './importHeaders';
import { agentFor, unknownAgent, type ListContext, type PointOp } from './importListContext';
import { existingPoints, type ExistingPoint } from './importLookups';
import { cellText, codeOf, dateOf, type DataRow, type Table } from './importSheets';
import { badDate, CODE, yesNo } from './importValues';
import { changeLines, cleanText } from './lookups';

/**
 * The collection points of a list: a point code on record updates that point; without a code,
 * a point is its agent and name. The agent is named by code or name, the commune loosely.
 */
export async function planPoints(c: ListContext, t: Table<PointField>, rows: DataRow<PointField>[]): Promise<PointOp[]> {
  const pointOps: PointOp[] = [];
  const codes = rows.map((r) => codeOf(r.get('code'))).filter((x): x is string => x !== null);
  const existing = await existingPoints(c.store, codes, [...c.existingAgents.values()].map((a) => a.id));
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  for (const r of rows) {
    const rowErrors: CellIssue[] = [];
    const code = codeOf(r.get('code'));
    if (code && !CODE.test(code)) rowErrors.push({ ...r.at('code'), message: `Mã điểm thu "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự.` });
    if (code && seenCodes.has(code)) rowErrors.push({ ...r.at('code'), message: `Mã điểm thu ${code} trùng với dòng ${seenCodes.get(code)}.` });
    if (code) seenCodes.set(code, r.row);
    const agent = agentFor(c, r);
    if (agent === 'missing') rowErrors.push({ ...r.at('agent'), message: unknownAgent(c, r, t.sheet.name) });
    const name = cellText(r.get('name'));
    // Without a point code, a point is its agent and name: the same pair twice is one point typed twice.
    if (!code && name && agent && agent !== 'missing') {
      const key = `${agent.code}|${foldText(name)}`;
      if (seenNames.has(key)) rowErrors.push({ ...r.at('name'), message: `Điểm thu "${name}" của ${agent.name} trùng với dòng ${seenNames.get(key)}.` });
      else seenNames.set(key, r.row);
    }
    const before: ExistingPoint | undefined = code
      ? existing.find((p) => p.code === code)
      : agent && agent !== 'missing' && agent.id !== null && name
        ? existing.find((p) => p.agentId === agent.id && p.nameKey === foldText(name) && p.code === null)
        : undefined;
    if (!before && !name) rowErrors.push({ ...r.at('name'), message: 'Thiếu tên điểm thu.' });
    if (!before && !agent) rowErrors.push({ ...r.at('agent'), message: 'Thiếu tổ chức dịch vụ thu (mã hoặc tên) của điểm thu.' });
    const office = c.lookups.officeById(agent && agent !== 'missing' ? agent.officeId : null);
    let unitId = before?.unitId ?? null;
    const communeText = cellText(r.get('commune'));
    if (communeText) {
      const hit = c.lookups.commune(communeText, office);
      if (hit.ok) unitId = hit.unit.id;
      else rowErrors.push({ ...r.at('commune'), message: hit.message });
    }
    const opened = dateOf(r.get('openedOn'));
    const closed = dateOf(r.get('closedOn'));
    if (!opened.ok) rowErrors.push({ ...r.at('openedOn'), message: badDate('Ngày mở', r.get('openedOn')) });
    if (!closed.ok) rowErrors.push({ ...r.at('closedOn'), message: badDate('Ngày đóng', r.get('closedOn')) });
    const signage = r.has('signage') && cellText(r.get('signage')) ? yesNo(r.get('signage')) : undefined;
    if (signage === null) rowErrors.push({ ...r.at('signage'), message: `Biển hiệu "${cellText(r.get('signage'))}" không rõ: ghi "Có" hoặc "Không".` });
    if (rowErrors.length > 0) {
      c.out.errors.push(...rowErrors);
      continue;
    }
    const a = agent && agent !== 'missing' ? agent : null;
    const fields: PointOp['fields'] = {
      agentId: a ? a.id : before!.agentId, code: code ?? before?.code ?? null, name: name ?? before!.name, address: cleanText(cellText(r.get('address'))) ?? before?.address ?? null, unitId,
      openedOn: (opened.ok && opened.value) || before?.openedOn || null, closedOn: (closed.ok && closed.value) || before?.closedOn || null,
      signage: signage ?? before?.signage ?? false, note: cleanText(cellText(r.get('note'))) ?? before?.note ?? null,
    };
    if (fields.openedOn && fields.closedOn && fields.closedOn < fields.openedOn) {
      c.out.errors.push({ ...r.at('closedOn'), message: `Ngày đóng ${formatDate(fields.closedOn)} trước ngày mở ${formatDate(fields.openedOn)}.` });
      continue;
    }
    const agentCode = a?.code ?? [...c.existingAgents.values()].find((x) => x.id === before?.agentId)?.code ?? '';
    if (!before) {
      pointOps.push({ action: 'add', id: null, agentCode, fields, description: `Thêm điểm thu ${fields.name}${a ? ` của ${a.name}` : ''}${unitId ? ` (${c.lookups.unitName(unitId)})` : ''}` });
      c.record('points', 'add', fields.code ?? '', fields.name, pointOps.at(-1)!.description);
      continue;
    }
    const diff = changeLines([
      ['tên', before.name, fields.name], ['địa chỉ', before.address, fields.address], ['xã', c.lookups.unitName(before.unitId), c.lookups.unitName(fields.unitId)],
      ['mở từ', formatDate(before.openedOn), formatDate(fields.openedOn)], ['đóng từ', formatDate(before.closedOn), formatDate(fields.closedOn)],
      ['biển hiệu', before.signage, fields.signage], ['ghi chú', before.note, fields.note],
    ]);
    if (fields.agentId !== before.agentId) diff.unshift(`đại lý → ${a?.name ?? agentCode}`);
    if (diff.length === 0) c.counts.points.unchanged++;
    else {
      pointOps.push({ action: 'update', id: before.id, agentCode, fields, description: diff.join('; ') });
      c.record('points', 'update', fields.code ?? '', fields.name, diff.join('; '));
    }
  }
  return pointOps;
}
