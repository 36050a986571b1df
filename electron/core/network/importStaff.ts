import type { CellIssue } from '../../../shared/contract';
import { normalisePhone } from '../../../shared/calc/cccd';
import { STAFF_ROLE_LABELS, STAFF_STATUS_LABELS } from '../../../shared/domain/network';
import { formatDate } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';
import type { StaffField } from './importHeaders';
import { agentFor, unknownAgent, type AgentRef, type ListContext, type StaffOp } from './importListContext';
import { namedCommunes } from './importLookups';
import { cellText, codeOf, dateOf, type DataRow, type Table } from './importSheets';
import { badDate, birthOf, cccdOf, CODE, roleOf, sexOf, splitNames, STAFF_STATUS_WORDS, statusOf } from './importValues';
import { changeLines, cleanText } from './lookups';
import { identityProblems } from './staff';
import { StaffRepository, type StaffRow } from './staffRepository';

/**
 * The staff of a list: a staff code on record updates that person (a row without a code is the
 * person holding its CCCD). Every row's CCCD is checked (12 digits, province, birth year), and
 * held by one person only, in the file and in the database.
 */
export async function planStaff(c: ListContext, t: Table<StaffField>, rows: DataRow<StaffField>[]): Promise<StaffOp[]> {
  const staffOps: StaffOp[] = [];
  const staffRepo = new StaffRepository(c.store);
  const parsed = rows.map((r) => ({ r, cccd: cccdOf(r.get('cccd')) }));
  const codes = rows.map((r) => codeOf(r.get('code'))).filter((x): x is string => x !== null);
  const cccds = parsed.map((p) => p.cccd).filter((x): x is string => x !== null);
  const [byCode, holders] = await Promise.all([staffRepo.byCodes(codes), staffRepo.byCccds(cccds)]);
  const holderCodes = [...holders.values()].map((h) => h.code).filter((x) => !byCode.has(x));
  const byHolder = holderCodes.length > 0 ? await staffRepo.byCodes(holderCodes) : new Map<string, StaffRow>();
  const allStaff = new Map([...byCode, ...byHolder]);
  // Rows without a staff code: the person is found by CCCD, or by name within the agent; a new one gets a code made from the agent's.
  const uncoded = rows.filter((r) => !codeOf(r.get('code')));
  const byAgentName = new Map<string, StaffRow[]>();
  const taken = new Set(codes);
  if (uncoded.length > 0) {
    const agents = uncoded.map((r) => agentFor(c, r)).filter((a): a is AgentRef => a !== null && a !== 'missing');
    for (const s of await staffRepo.staffOfAgents([...new Set(agents.flatMap((a) => (a.id === null ? [] : [a.id])))])) {
      allStaff.set(s.code, s);
      const key = `${s.agentId}|${foldText(s.fullName)}`;
      (byAgentName.get(key) ?? byAgentName.set(key, []).get(key)!).push(s);
    }
    for (const code of await codesLike(c.store, [...new Set(agents.map((a) => codePrefix(a.code)))])) taken.add(code);
  }
  const nextCode = (agentCode: string) => {
    for (let n = 1; ; n++) {
      const code = `${codePrefix(agentCode)}${String(n).padStart(2, '0')}`;
      if (!taken.has(code)) {
        taken.add(code);
        return code;
      }
    }
  };
  const staffCommunes = await namedCommunes(c.store, 'staff_communes', [...allStaff.values()].map((s) => s.id));
  const seenCodes = new Map<string, number>();
  const seenCccds = new Map<string, { row: number; name: string | null }>();
  for (const { r, cccd } of parsed) {
    const rowErrors: CellIssue[] = [];
    let code = codeOf(r.get('code'));
    const fullName = cellText(r.get('fullName'));
    if (code && !CODE.test(code)) rowErrors.push({ ...r.at('code'), message: `Mã nhân viên "${code}" không hợp lệ: chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự.` });
    if (code && seenCodes.has(code)) rowErrors.push({ ...r.at('code'), message: `Mã nhân viên ${code} trùng với dòng ${seenCodes.get(code)}.` });
    if (code) seenCodes.set(code, r.row);
    const holder = cccd ? holders.get(cccd) : undefined;
    if (!code && holder) code = holder.code;
    const agent = agentFor(c, r);
    if (!code && agent && agent !== 'missing' && agent.id !== null && fullName) {
      const same = byAgentName.get(`${agent.id}|${foldText(fullName)}`) ?? [];
      if (same.length === 1 && (!cccd || !same[0]!.cccd || same[0]!.cccd === cccd)) code = same[0]!.code;
    }
    const before = code ? allStaff.get(code) : undefined;
    if (!before && !fullName) rowErrors.push({ ...r.at('fullName'), message: 'Thiếu họ tên.' });
    if (cccd) {
      const first = seenCccds.get(cccd);
      if (first) rowErrors.push({ ...r.at('cccd'), message: `Số CCCD trùng với dòng ${first.row}${first.name ? ` (${first.name})` : ''}: mỗi người một số CCCD.` });
      else seenCccds.set(cccd, { row: r.row, name: fullName });
      if (holder && code && holder.code !== code) rowErrors.push({ ...r.at('cccd'), message: `Số CCCD này đã có ở nhân viên ${holder.fullName} (mã ${holder.code}).` });
    }
    if (agent === 'missing') rowErrors.push({ ...r.at('agent'), message: unknownAgent(c, r, t.sheet.name) });
    if (!before && !agent) rowErrors.push({ ...r.at('agent'), message: 'Thiếu tổ chức dịch vụ thu (mã hoặc tên) của nhân viên.' });
    const birth = birthOf(r.get('birthYear'));
    if (!birth.ok) rowErrors.push({ ...r.at('birthYear'), message: `Năm sinh "${cellText(r.get('birthYear'))}" không hợp lệ: ghi năm 4 chữ số (1986) hoặc ngày dd/mm/yyyy.` });
    const birthDate = dateOf(r.get('birthDate'));
    if (!birthDate.ok) rowErrors.push({ ...r.at('birthDate'), message: badDate('Ngày sinh', r.get('birthDate')) });
    const sexText = cellText(r.get('sex'));
    const sex = sexText ? sexOf(sexText) : undefined;
    if (sex === null) rowErrors.push({ ...r.at('sex'), message: `Giới tính "${sexText}" không rõ: ghi "Nam" hoặc "Nữ".` });
    const roleText = cellText(r.get('role'));
    const role = roleText ? roleOf(roleText) : undefined;
    if (role === null) rowErrors.push({ ...r.at('role'), message: `Vai trò "${roleText}" không rõ: ghi "Nhân viên thu" hoặc "Cộng tác viên".` });
    const statusText = cellText(r.get('status'));
    const status = statusText ? statusOf(statusText, STAFF_STATUS_WORDS) : undefined;
    if (status === null) rowErrors.push({ ...r.at('status'), message: `Trạng thái "${statusText}" không rõ: ghi "Đang làm", "Tạm nghỉ" hoặc "Đã nghỉ".` });
    const dates = {} as Record<'cardDate' | 'trainingDate' | 'joinedOn' | 'leftOn', string | null | undefined>;
    const dateLabels = { cardDate: 'Ngày cấp thẻ', trainingDate: 'Ngày tập huấn', joinedOn: 'Ngày vào', leftOn: 'Ngày nghỉ' } as const;
    for (const f of ['cardDate', 'trainingDate', 'joinedOn', 'leftOn'] as const) {
      const d = dateOf(r.get(f));
      if (!d.ok) rowErrors.push({ ...r.at(f), message: badDate(dateLabels[f], r.get(f)) });
      else dates[f] = d.value;
    }
    const phoneRaw = r.get('phone');
    const phone = cellText(phoneRaw) ? normalisePhone(String(phoneRaw), typeof phoneRaw === 'number') : null;
    const a = agent && agent !== 'missing' ? agent : null;
    const office = c.lookups.officeById(a ? a.officeId : before?.officeId ?? null);
    let communeIds: number[] | null = null;
    const communeText = cellText(r.get('communes'));
    if (communeText) {
      communeIds = [];
      for (const part of splitNames(communeText)) {
        const hit = c.lookups.commune(part, office);
        if (hit.ok) communeIds.push(hit.unit.id);
        else rowErrors.push({ ...r.at('communes'), message: hit.message });
      }
    }
    // The identity checks run on every row, whatever else is wrong with it.
    const identity = {
      cccd: cccd ?? before?.cccd ?? null, phone: phone ?? before?.phone ?? null, sex: sex ?? before?.sex ?? null,
      birthYear: (birth.ok && birth.year) || (birthDate.ok && birthDate.value ? Number(birthDate.value.slice(0, 4)) : null) || before?.birthYear || null,
      birthDate: (birthDate.ok && birthDate.value) || (birth.ok && birth.date) || before?.birthDate || null,
    };
    const cccdFlagged = rowErrors.some((e) => e.column !== null && e.column === r.at('cccd').column);
    for (const p of identityProblems(identity)) {
      if (p.field === 'cccd' && cccdFlagged) continue;
      const field: StaffField = p.field === 'birthDate' ? (r.has('birthDate') ? 'birthDate' : 'birthYear') : p.field;
      rowErrors.push({ ...r.at(field), message: p.message });
    }
    if (rowErrors.length > 0) {
      c.out.errors.push(...rowErrors);
      continue;
    }
    const fields: StaffOp['fields'] = {
      fullName: fullName ?? before?.fullName ?? '', role: role ?? before?.role ?? 'staff',
      birthYear: identity.birthYear, birthDate: identity.birthDate, sex: identity.sex, cccd: identity.cccd, phone: identity.phone,
      agentId: a ? a.id : before!.agentId, trainingDate: dates.trainingDate ?? before?.trainingDate ?? null,
      cardNo: cleanText(cellText(r.get('cardNo'))) ?? before?.cardNo ?? null, cardDate: dates.cardDate ?? before?.cardDate ?? null,
      status: status ?? before?.status ?? 'active', joinedOn: dates.joinedOn ?? before?.joinedOn ?? null, leftOn: dates.leftOn ?? before?.leftOn ?? null,
      note: cleanText(cellText(r.get('note'))) ?? before?.note ?? null,
    };
    const agentCode = a?.code ?? before!.agentCode;
    const agentName = a?.name ?? before!.agentName;
    if (!before) {
      const newCode = code ?? nextCode(agentCode);
      if (!code) c.out.warnings.push({ ...r.at('code'), message: `${fields.fullName} chưa có mã nhân viên; đặt mã ${newCode}.` });
      const description = `Thêm ${STAFF_ROLE_LABELS[fields.role].toLowerCase()} ${fields.fullName} (mã ${newCode}${code ? '' : ', mã tự đặt'}) của ${agentName}`;
      staffOps.push({ action: 'add', id: null, code: newCode, agentCode, fields, communeIds, description });
      c.record('staff', 'add', newCode, fields.fullName, description);
      continue;
    }
    const communesBefore = (staffCommunes.get(before.id) ?? []).slice().sort((x, y) => x - y);
    const diff = changeLines([
      ['họ tên', before.fullName, fields.fullName], ['vai trò', STAFF_ROLE_LABELS[before.role], STAFF_ROLE_LABELS[fields.role]], ['năm sinh', before.birthYear, fields.birthYear],
      ['ngày sinh', formatDate(before.birthDate), formatDate(fields.birthDate)], ['đại lý', before.agentName, agentName], ['ngày tập huấn', formatDate(before.trainingDate), formatDate(fields.trainingDate)],
      ['số thẻ', before.cardNo, fields.cardNo], ['ngày cấp thẻ', formatDate(before.cardDate), formatDate(fields.cardDate)], ['trạng thái', STAFF_STATUS_LABELS[before.status], STAFF_STATUS_LABELS[fields.status]],
      ['ngày vào', formatDate(before.joinedOn), formatDate(fields.joinedOn)], ['ngày nghỉ', formatDate(before.leftOn), formatDate(fields.leftOn)], ['ghi chú', before.note, fields.note],
      ...(communeIds ? ([['địa bàn', communesBefore.map((id) => c.lookups.unitName(id)), [...new Set(communeIds)].sort((x, y) => x - y).map((id) => c.lookups.unitName(id))]] as [string, unknown, unknown][]) : []),
    ]);
    if (before.sex !== fields.sex) diff.push('giới tính đã thay đổi');
    if (before.cccd !== fields.cccd) diff.push('số CCCD đã thay đổi');
    if (before.phone !== fields.phone) diff.push('số điện thoại đã thay đổi');
    if (diff.length === 0) c.counts.staff.unchanged++;
    else {
      staffOps.push({ action: 'update', id: before.id, code: before.code, agentCode, fields, communeIds, description: diff.join('; ') });
      c.record('staff', 'update', before.code, fields.fullName, diff.join('; '));
    }
  }
  return staffOps;
}

/** "HD01" → "HD01-NV": codes made for people listed without one are this and a number. */
function codePrefix(agentCode: string): string {
  return `${agentCode.slice(0, 24)}-NV`;
}

/** Staff codes already taken under these prefixes, in one query per fifty prefixes. */
async function codesLike(store: Store, prefixes: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const chunk of chunks(prefixes, 50)) {
    const rows = await store.db.selectFrom('agent_staff').select('code').where((eb) => eb.or(chunk.map((p) => eb('code', 'like', `${p}%`)))).execute();
    out.push(...rows.map((r) => r.code));
  }
  return out;
}
