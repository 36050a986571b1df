/**
 * The demo province: fictional names and codes (99…, never issued by QĐ 124/2004 or
 * QĐ 19/2025), shaped like a real one across the 2025 reform: four districts and 40
 * communes until 30/06/2025, then 16 merged communes directly under the province.
 */
export const DEMO_LABEL = 'Dữ liệu mẫu';
export const DEMO_PROVINCE = { code: '99', name: 'Tỉnh Phú An (dữ liệu mẫu)', kind: 'Tỉnh' };
export const REFORM_DATE = '2025-07-01';

export interface DemoDistrict {
  code: string;
  name: string;
  urban: boolean;
  communes: string[];
}

export const DEMO_DISTRICTS: DemoDistrict[] = [
  { code: '991', name: 'Thành phố Phú An', urban: true, communes: ['Phường An Phú', 'Phường Tân An', 'Phường Phú Hòa', 'Phường Hòa Bình', 'Xã An Lợi', 'Xã Tân Hưng'] },
  { code: '992', name: 'Huyện Long Điền', urban: false, communes: ['Thị trấn Long Điền', 'Xã Long Hòa', 'Xã Long Hưng', 'Xã Phước Long', 'Xã Phước Lộc', 'Xã Tân Phước', 'Xã Vĩnh Phước', 'Xã Ninh Điền', 'Xã An Thạnh', 'Xã Thạnh Lợi'] },
  { code: '993', name: 'Huyện Hòa Thuận', urban: false, communes: ['Thị trấn Hòa Thuận', 'Xã Hòa Lợi', 'Xã Hòa Tân', 'Xã Thuận An', 'Xã Thuận Hưng', 'Xã Mỹ Hòa', 'Xã Mỹ Lộc', 'Xã Mỹ Thạnh', 'Xã Đông Hòa', 'Xã Tây Hòa', 'Xã Bình Hòa'] },
  { code: '994', name: 'Huyện Vĩnh Phong', urban: false, communes: ['Thị trấn Vĩnh Phong', 'Xã Vĩnh Hòa', 'Xã Vĩnh An', 'Xã Vĩnh Thạnh', 'Xã Phong Điền', 'Xã Phong Thạnh', 'Xã Phong Phú', 'Xã Tân Phong', 'Xã Bình Phong', 'Xã Lợi An', 'Xã Lộc Hòa', 'Xã Hưng Thạnh', 'Xã Đông Phong'] },
];

/** New communes from 01/07/2025 and the old ones (by name) that formed each. */
export const DEMO_MERGES: { name: string; from: string[] }[] = [
  { name: 'Phường Phú An', from: ['Phường An Phú', 'Phường Tân An'] },
  { name: 'Phường Phú Hòa', from: ['Phường Phú Hòa', 'Phường Hòa Bình'] },
  { name: 'Phường An Lợi', from: ['Xã An Lợi', 'Xã Tân Hưng'] },
  { name: 'Xã Long Điền', from: ['Thị trấn Long Điền', 'Xã Long Hòa', 'Xã Long Hưng'] },
  { name: 'Xã Phước Long', from: ['Xã Phước Long', 'Xã Phước Lộc', 'Xã Tân Phước'] },
  { name: 'Xã Vĩnh Phước', from: ['Xã Vĩnh Phước', 'Xã Ninh Điền'] },
  { name: 'Xã Thạnh Lợi', from: ['Xã An Thạnh', 'Xã Thạnh Lợi'] },
  { name: 'Xã Hòa Thuận', from: ['Thị trấn Hòa Thuận', 'Xã Hòa Lợi', 'Xã Hòa Tân'] },
  { name: 'Xã Thuận An', from: ['Xã Thuận An', 'Xã Thuận Hưng'] },
  { name: 'Xã Mỹ Hòa', from: ['Xã Mỹ Hòa', 'Xã Mỹ Lộc', 'Xã Mỹ Thạnh'] },
  { name: 'Xã Đông Hòa', from: ['Xã Đông Hòa', 'Xã Tây Hòa', 'Xã Bình Hòa'] },
  { name: 'Xã Vĩnh Phong', from: ['Thị trấn Vĩnh Phong', 'Xã Vĩnh Hòa', 'Xã Vĩnh An'] },
  { name: 'Xã Vĩnh Thạnh', from: ['Xã Vĩnh Thạnh', 'Xã Hưng Thạnh'] },
  { name: 'Xã Phong Điền', from: ['Xã Phong Điền', 'Xã Phong Thạnh', 'Xã Phong Phú'] },
  { name: 'Xã Tân Phong', from: ['Xã Tân Phong', 'Xã Bình Phong', 'Xã Đông Phong'] },
  { name: 'Xã Lợi An', from: ['Xã Lợi An', 'Xã Lộc Hòa'] },
];

/** BHXH cơ sở offices and the districts (before the reform) whose communes they serve. */
export const DEMO_OFFICES: { code: string; name: string; districts: string[] }[] = [
  { code: '9901', name: 'BHXH cơ sở Phú An', districts: ['991'] },
  { code: '9902', name: 'BHXH cơ sở Long Điền', districts: ['992'] },
  { code: '9903', name: 'BHXH cơ sở Hòa Thuận - Vĩnh Phong', districts: ['993', '994'] },
];
