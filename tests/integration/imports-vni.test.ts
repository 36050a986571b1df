import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding } from '../../electron/core/imports/legacyText';
import { vniToUnicode } from '../../electron/core/imports/vniText';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { expectTrueFigures, hongDan, previewPath } from './importExpected';
import { unicodeToVni } from './importVniText';

/** The Hồng Dân report retyped in VNI-Times, as ExcelJS writes it (with the font in the styles). */
async function vniCopyWithFont(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath(FIXTURE.districtReport));
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged range answers with its first cell's value: encode that one only, once.
        if (typeof cell.value === 'string' && cell.master.address === cell.address) cell.value = unicodeToVni(cell.value);
        cell.font = { ...cell.font, name: 'VNI-Times' };
      }),
    ),
  );
  const path = join(dir, 'bao-cao-vni.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

/** The same as an Excel 97-2003 file written by SheetJS: no font names to go by, statistics only. */
function vniCopyXls(dir: string): string {
  const wb = XLSX.read(readFileSync(fixturePath(FIXTURE.districtReport)), { cellStyles: false });
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    for (const [address, cell] of Object.entries(ws)) {
      if (!address.startsWith('!') && cell && typeof cell === 'object' && (cell as XLSX.CellObject).t === 's') {
        const c = cell as XLSX.CellObject;
        ws[address] = { t: 's', v: unicodeToVni(String(c.v)) };
      }
    }
  }
  const path = join(dir, 'bao-cao-vni.xls');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
  return path;
}

describe('VNI text', () => {
  it('converts to Unicode NFC, capitals included, and leaves Unicode alone', () => {
    expect(vniToUnicode('Baûo hieåm xaõ hoäi')).toBe('Bảo hiểm xã hội');
    expect(vniToUnicode('BAÛO HIEÅM XAÕ HOÄI HUYEÄN HOÀNG DAÂN')).toBe('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
    expect(vniToUnicode('Ngöôøi tham gia BHYT hoä gia ñình; Thò traán Ngan Döøa; Xaõ Loäc Ninh; Kyø baùo caùo')).toBe(
      'Người tham gia BHYT hộ gia đình; Thị trấn Ngan Dừa; Xã Lộc Ninh; Kỳ báo cáo',
    );
    expect(vniToUnicode('Thuûy, Myõ, Ñaêk Laêk, Quaûng Trò, Yù kieán, ÔÛ, thuôû, Lyù, Quyù, kyû, Nguî')).toBe('Thủy, Mỹ, Đăk Lăk, Quảng Trị, Ý kiến, Ở, thuở, Lý, Quý, kỷ, Nguỵ');
    expect(vniToUnicode('Tô Hiến Thành')).toBe('Tô Hiến Thành');
    // The test's own encoder and core's decoder agree on every Vietnamese letter.
    const all = 'aáàảãạâấầẩẫậăắằẳẵặeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ';
    expect(vniToUnicode(unicodeToVni(all))).toBe(all);
    expect(vniToUnicode(unicodeToVni(all.toUpperCase()))).toBe(all.toUpperCase());
  });

  it('is told apart from TCVN3 and from Unicode, by statistics and by the font table', () => {
    const vni = ['Baûo hieåm xaõ hoäi huyeän Hoàng Daân', 'Thöïc hieän', 'Keá hoaïch giao'];
    expect(detectLegacyEncoding(vni)).toBe('vni');
    expect(detectLegacyEncoding(['b¶o hiÓm x· héi huyÖn hång d©n', 'Thùc hiÖn', 'KÕ ho¹ch giao'])).toBe('tcvn3');
    expect(detectLegacyEncoding(['Bảo hiểm xã hội huyện Hồng Dân', 'Thực hiện', 'Kế hoạch giao, hoàng, khoá, quân'])).toBeNull();
    // One accented word is too little to go on, unless the workbook says it is set in VNI-Times.
    expect(detectLegacyEncoding(['Toång coäng'])).toBeNull();
    expect(detectLegacyEncoding(['Toång coäng'], ['Calibri', 'VNI-Times'])).toBe('vni');
  });
});

describe('a district report typed in VNI imports to exactly its true figures', () => {
  it('.xlsx with VNI-Times in its fonts', async () => {
    const core = await hongDan();
    const p = await previewPath(core, await vniCopyWithFont(tempDataDir('bhxh-vni-')));
    expect(p.legacyEncoding).toBe('vni');
    expect(p.warnings[0]).toBe('Tệp dùng phông chữ cũ VNI (VNI-Times); nội dung đã được chuyển sang Unicode.');
    expect(p.officeName).toBe('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
    expect(p.rows.map((r) => r.typedName)).toContain('TT Ngan Dừa');
    expect(p.columns.map((c) => c.header).join(' | ')).toContain('Thực hiện');
    await expectTrueFigures(core, p);
  });

  it('.xls without font names (statistics only)', async () => {
    const core = await hongDan();
    const p = await previewPath(core, vniCopyXls(tempDataDir('bhxh-vni-')));
    expect(p.legacyEncoding).toBe('vni');
    await expectTrueFigures(core, p);
  });
});
