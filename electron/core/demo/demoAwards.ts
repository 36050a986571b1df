/**
 * A few award records for the demo province: giấy khen and bằng khen for offices, an agent and
 * staff members for last year and last quarter, with fictional decision numbers marked (mẫu).
 * Every row is flagged is_demo, so a demo reload replaces them.
 */
import type { Store } from '../db/store';
import { EmulationRepository, type AwardFields } from '../emulation/repository';
import type { DemoOfficeRef } from './demoNetwork';

export async function deleteDemoAwards(store: Store): Promise<void> {
  await new EmulationRepository(store).deleteDemoAwards();
}

export async function loadDemoAwards(store: Store, offices: DemoOfficeRef[], today: string, now: string): Promise<number> {
  const year = Number(today.slice(0, 4)) - 1;
  const agents = await store.db.selectFrom('agents').select(['code', 'name']).where('is_demo', '=', 1).orderBy('code').limit(2).execute();
  const staff = await store.db.selectFrom('agent_staff').select(['code', 'full_name as name']).where('is_demo', '=', 1).orderBy('code').limit(3).execute();
  const list: AwardFields[] = [];
  const add = (a: Omit<AwardFields, 'isDemo' | 'note'> & { note?: string }) => list.push({ note: null, ...a, isDemo: true });
  const [first, second] = offices;
  if (first) {
    add({
      recipientLevel: 'unit', recipientCode: first.code, recipientName: first.name, kind: 'GIAY_KHEN',
      title: `Tập thể hoàn thành xuất sắc nhiệm vụ phát triển người tham gia BHXH tự nguyện năm ${year}`,
      decisionNo: `25/QĐ-BHXH (mẫu)`, decisionDate: `${year + 1}-01-20`, amount: 3_000_000, period: String(year),
    });
  }
  if (second) {
    add({
      recipientLevel: 'unit', recipientCode: second.code, recipientName: second.name, kind: 'BANG_KHEN',
      title: `Bằng khen của Chủ tịch UBND tỉnh: thành tích xuất sắc thực hiện chính sách BHXH, BHYT năm ${year}`,
      decisionNo: `112/QĐ-UBND (mẫu)`, decisionDate: `${year + 1}-02-05`, amount: 4_680_000, period: String(year),
    });
  }
  for (const [i, agent] of agents.entries()) {
    add({
      recipientLevel: 'agent', recipientCode: agent.code, recipientName: agent.name, kind: 'GIAY_KHEN',
      title: `Tổ chức dịch vụ thu có thành tích tiêu biểu trong Tháng vận động BHXH tự nguyện năm ${year}`,
      decisionNo: `${140 + i}/QĐ-BHXH (mẫu)`, decisionDate: `${year}-06-15`, amount: 2_000_000, period: `${year}-Q2`,
    });
  }
  for (const [i, person] of staff.entries()) {
    add({
      recipientLevel: 'staff', recipientCode: person.code, recipientName: person.name, kind: i === 0 ? 'CHIEN_SI_THI_DUA' : 'GIAY_KHEN',
      title: i === 0 ? `Chiến sĩ thi đua cơ sở năm ${year}` : `Nhân viên thu xuất sắc quý IV năm ${year}`,
      decisionNo: `${30 + i}/QĐ-BHXH (mẫu)`, decisionDate: `${year + 1}-01-${String(10 + i).padStart(2, '0')}`, amount: i === 0 ? 1_170_000 : 500_000,
      period: i === 0 ? String(year) : `${year}-Q4`,
      note: 'Dữ liệu mẫu',
    });
  }
  await new EmulationRepository(store).insertAwards(list, now);
  return list.length;
}
