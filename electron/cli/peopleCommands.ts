import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { PersonListSummary } from '../../shared/contract/peopleTypes';
import { PERSON_LIST_KIND_SHORT, PERSON_STATUS_LABELS } from '../../shared/domain/people';
import { formatBytes, formatCount, formatDate } from '../../shared/format/vi';
import { foldText } from '../../shared/text/fold';
import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure, table } from './output';

/** A list named on the command line (matched without diacritics), else exit 2. */
async function listNamed(core: AppCore, name: string): Promise<PersonListSummary> {
  const lists = await core.invoke('people:lists', {});
  const list = lists.find((l) => foldText(l.name) === foldText(name));
  if (!list) throw new CliFailure(`Không có danh sách nào tên "${name}". Xem các danh sách: npm run cli -- people lists`, 2);
  return list;
}

/**
 * `people search <text> [--commune MÃ] [--list TÊN]`: the first 100 people found (name without
 * diacritics, CCCD, mã số BHXH or phone), identifiers masked.
 * JSON: { query, listId, unitCode, total, totalIsEstimate, items: PersonRow[] } (PersonRow's
 * fields: id, listId, listName, fullName, birthDate, sex, cccd, bhxhCode, bhytCard, phone (masked),
 * unitCode, communeName, hamlet, product, dueMonth, paymentMode, staffCode, staffName, status,
 * statusOn, lastContactOn, otherLists).
 */
export async function peopleSearch(core: AppCore, io: CliIo, text: string, flags: { commune?: string; list?: string }): Promise<number> {
  const list = flags.list ? await listNamed(core, flags.list) : null;
  const page = await core.invoke('people:search', { query: text, limit: 100, ...(list ? { listId: list.id } : {}), ...(flags.commune ? { unitCode: flags.commune } : {}) });
  if (io.json) {
    io.out(JSON.stringify({ query: text, listId: list?.id ?? null, unitCode: flags.commune ?? null, total: page.total, totalIsEstimate: page.totalIsEstimate === true, items: page.items }, null, 2));
    return 0;
  }
  if (page.items.length === 0) {
    io.out(`Không tìm thấy ai với "${text}".`);
    return 0;
  }
  io.out(
    table(
      ['Họ và tên', 'Năm sinh', 'Số CCCD', 'Mã số BHXH', 'Điện thoại', 'Xã, phường', 'Thôn, ấp', 'Nhân viên thu', 'Tình trạng', 'Danh sách'],
      page.items.map((p) => [
        p.fullName, p.birthDate?.slice(0, 4) ?? '', p.cccd, p.bhxhCode, p.phone, p.communeName, p.hamlet, p.staffName, PERSON_STATUS_LABELS[p.status], p.listName + (p.otherLists ? ` (+${p.otherLists} danh sách khác)` : ''),
      ]),
    ),
  );
  const shown = page.items.length < page.total ? `, hiện ${formatCount(page.items.length)} người đầu` : '';
  io.out(`${page.totalIsEstimate ? 'Hơn ' : ''}${formatCount(page.total)} người${shown} (số CCCD, mã số BHXH, điện thoại đã che bớt).`);
  return 0;
}

/**
 * `people assign --commune MÃ [--hamlet TÊN] --staff MÃ[,MÃ…] [--list TÊN]`: one staff member
 * gets everyone matched, several share them evenly by whole hamlets.
 * JSON: { assigned, perStaff: [{ staffCode, staffName, count }] }.
 */
export async function peopleAssign(core: AppCore, io: CliIo, flags: { commune: string; hamlet?: string; staff: string; list?: string }): Promise<number> {
  const staffCodes = flags.staff.split(',').map((s) => s.trim()).filter(Boolean);
  if (staffCodes.length === 0) throw new CliFailure('Thiếu mã nhân viên thu sau --staff. Ví dụ: --staff NV001,NV002', 2);
  const list = flags.list ? await listNamed(core, flags.list) : null;
  const outcome = await core.invoke('people:assign', {
    filter: { unitCode: flags.commune, ...(flags.hamlet ? { hamlet: flags.hamlet } : {}), ...(list ? { listId: list.id } : {}) },
    staffCodes,
  });
  if (io.json) {
    io.out(JSON.stringify(outcome, null, 2));
    return 0;
  }
  io.out(`Đã phân công ${formatCount(outcome.assigned)} người${flags.hamlet ? ` ở ${flags.hamlet}` : ''}, xã mã ${flags.commune}${list ? `, danh sách "${list.name}"` : ''}:`);
  io.out(table(['Mã', 'Nhân viên thu', 'Số người'], outcome.perStaff.map((s) => [s.staffCode, s.staffName, formatCount(s.count)])));
  return 0;
}

/**
 * `people export --staff MÃ --out tệp.xlsx [--list TÊN]`: the staff member's call sheet (people
 * not yet joined or refused) with real phone numbers; the export is audited.
 * JSON: { status: 'written', file, fileName, bytes, staffCode, listId }.
 */
export async function peopleExport(core: AppCore, io: CliIo, flags: { staff: string; out: string; list?: string }): Promise<number> {
  if (extname(flags.out).toLowerCase() !== '.xlsx') throw new CliFailure(`Tệp --out phải có đuôi .xlsx (đang là "${flags.out}").`, 2);
  const list = flags.list ? await listNamed(core, flags.list) : null;
  const ref = await core.invoke('people:exportSheet', { staffCode: flags.staff, kind: 'call', openOnly: true, ...(list ? { listId: list.id } : {}) });
  const { bytes } = core.downloads.take(ref.token);
  const file = resolve(flags.out);
  writeFileSync(file, bytes);
  if (io.json) {
    io.out(JSON.stringify({ status: 'written', file, fileName: ref.fileName, bytes: bytes.length, staffCode: flags.staff, listId: list?.id ?? null }, null, 2));
    return 0;
  }
  io.out(`Đã ghi phiếu gọi vận động của nhân viên ${flags.staff} vào ${file} (${formatBytes(bytes.length)}).`);
  io.out('Tệp có số điện thoại thật: không chia sẻ, hủy sau khi dùng.');
  return 0;
}

/**
 * `people lists`: every list with its counts and retention date.
 * JSON: PersonListSummary[] ({ id, name, kind, source, officeCode, rows, assigned, contacted,
 * joined, refused, retainUntil, retentionDue, isDemo, createdAt, createdBy }).
 */
export async function peopleLists(core: AppCore, io: CliIo): Promise<number> {
  const lists = await core.invoke('people:lists', {});
  if (io.json) {
    io.out(JSON.stringify(lists, null, 2));
    return 0;
  }
  if (lists.length === 0) {
    io.out('Chưa có danh sách người vận động nào.');
    return 0;
  }
  io.out(
    table(
      ['Danh sách', 'Loại', 'Số người', 'Đã giao', 'Đã liên hệ', 'Đã tham gia', 'Từ chối', 'Lưu đến'],
      lists.map((l) => [
        l.name, PERSON_LIST_KIND_SHORT[l.kind], formatCount(l.rows), formatCount(l.assigned), formatCount(l.contacted), formatCount(l.joined), formatCount(l.refused),
        l.retainUntil ? `${formatDate(l.retainUntil)}${l.retentionDue ? ' (đã đến hạn xóa)' : ''}` : '',
      ]),
    ),
  );
  const due = lists.filter((l) => l.retentionDue);
  if (due.length > 0) io.out(`Đã đến hạn xóa ${formatCount(due.length)} danh sách: ${due.map((l) => `"${l.name}"`).join(', ')}. Xóa bằng: npm run cli -- people delete-list "<tên>"`);
  return 0;
}

/**
 * `people delete-list <tên>`: deletes the list, its people and contacts for good (the name on
 * the command line is the confirmation), then compacts the database.
 * JSON: { listName, deletedRows, deletedContacts, fileBytesBefore, fileBytesAfter }.
 */
export async function peopleDeleteList(core: AppCore, io: CliIo, name: string): Promise<number> {
  const list = await listNamed(core, name);
  const outcome = await core.invoke('people:deleteList', { listId: list.id, confirmName: list.name });
  if (io.json) {
    io.out(JSON.stringify(outcome, null, 2));
    return 0;
  }
  io.out(`Đã xóa vĩnh viễn danh sách "${outcome.listName}": ${formatCount(outcome.deletedRows)} người, ${formatCount(outcome.deletedContacts)} lần liên hệ.`);
  if (outcome.fileBytesBefore !== null && outcome.fileBytesAfter !== null) io.out(`Tệp dữ liệu: ${formatBytes(outcome.fileBytesBefore)} → ${formatBytes(outcome.fileBytesAfter)}.`);
  return 0;
}
