/**
 * Outreach campaigns' vocabulary (DOMAIN.md, "Campaigns"): kinds, the products sign-ups are
 * counted for, audience groups and the resources an office puts in. Codes are stored; labels are
 * what users read; aliases are the words offices type in their workbooks.
 */
import { foldText } from '../text/fold';

export const CAMPAIGN_KINDS = ['CONFERENCE', 'LAUNCH', 'PEAK', 'DIALOGUE', 'COUNSELLING', 'DOOR_TO_DOOR', 'SOCIAL_MEDIA', 'PRESS', 'BANNERS'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  CONFERENCE: 'Hội nghị tuyên truyền trực tiếp',
  LAUNCH: 'Lễ ra quân',
  PEAK: 'Tuần, tháng cao điểm',
  DIALOGUE: 'Đối thoại chính sách',
  COUNSELLING: 'Tư vấn tại điểm giao dịch',
  DOOR_TO_DOOR: 'Vận động từng nhà',
  SOCIAL_MEDIA: 'Mạng xã hội (Facebook, Zalo)',
  PRESS: 'Báo, đài, phát thanh',
  BANNERS: 'Băng rôn, tờ gấp, pa nô',
};

/** Short labels for narrow columns and chart legends. */
export const CAMPAIGN_KIND_SHORT: Record<CampaignKind, string> = {
  CONFERENCE: 'Hội nghị',
  LAUNCH: 'Ra quân',
  PEAK: 'Cao điểm',
  DIALOGUE: 'Đối thoại',
  COUNSELLING: 'Tư vấn',
  DOOR_TO_DOOR: 'Từng nhà',
  SOCIAL_MEDIA: 'Mạng xã hội',
  PRESS: 'Báo đài',
  BANNERS: 'Băng rôn, tờ gấp',
};

/** Folded words that name a kind; longest checked first so "thang cao diem" wins over "cao diem". */
const KIND_ALIASES: [string, CampaignKind][] = (
  [
    ['hoi nghi', 'CONFERENCE'], ['hoi nghi tuyen truyen', 'CONFERENCE'], ['tuyen truyen truc tiep', 'CONFERENCE'], ['hn', 'CONFERENCE'], ['toa dam', 'CONFERENCE'], ['hop dan', 'CONFERENCE'], ['sinh hoat chuyen de', 'CONFERENCE'],
    ['le ra quan', 'LAUNCH'], ['ra quan', 'LAUNCH'], ['le phat dong', 'LAUNCH'], ['phat dong', 'LAUNCH'],
    ['cao diem', 'PEAK'], ['tuan cao diem', 'PEAK'], ['thang cao diem', 'PEAK'], ['thang van dong', 'PEAK'], ['dot cao diem', 'PEAK'], ['chien dich', 'PEAK'],
    ['doi thoai', 'DIALOGUE'], ['doi thoai chinh sach', 'DIALOGUE'],
    ['tu van', 'COUNSELLING'], ['tu van tai diem giao dich', 'COUNSELLING'], ['diem giao dich', 'COUNSELLING'], ['tu van truc tiep', 'COUNSELLING'],
    ['tung nha', 'DOOR_TO_DOOR'], ['den tung nha', 'DOOR_TO_DOOR'], ['van dong tung nha', 'DOOR_TO_DOOR'], ['di tung nha', 'DOOR_TO_DOOR'], ['tan nha', 'DOOR_TO_DOOR'], ['ho gia dinh', 'DOOR_TO_DOOR'], ['go cua', 'DOOR_TO_DOOR'],
    ['mang xa hoi', 'SOCIAL_MEDIA'], ['facebook', 'SOCIAL_MEDIA'], ['zalo', 'SOCIAL_MEDIA'], ['fanpage', 'SOCIAL_MEDIA'], ['tiktok', 'SOCIAL_MEDIA'], ['youtube', 'SOCIAL_MEDIA'], ['mxh', 'SOCIAL_MEDIA'],
    ['bao', 'PRESS'], ['bao chi', 'PRESS'], ['bao dai', 'PRESS'], ['phat thanh', 'PRESS'], ['truyen hinh', 'PRESS'], ['dai phat thanh', 'PRESS'], ['loa', 'PRESS'], ['truyen thanh', 'PRESS'],
    ['bang ron', 'BANNERS'], ['to gap', 'BANNERS'], ['to roi', 'BANNERS'], ['pa no', 'BANNERS'], ['pano', 'BANNERS'], ['khau hieu', 'BANNERS'], ['ap phich', 'BANNERS'], ['an pham', 'BANNERS'],
  ] as [string, CampaignKind][]
).sort((a, b) => b[0].length - a[0].length);

/** The kind a typed text names ("Lễ ra quân", "Hội nghị", "Đăng bài Zalo", "LAUNCH"), or null. */
export function campaignKindOf(text: string): CampaignKind | null {
  const upper = text.trim().toUpperCase();
  if ((CAMPAIGN_KINDS as readonly string[]).includes(upper)) return upper as CampaignKind;
  const key = foldText(text);
  if (!key) return null;
  for (const [alias, kind] of KIND_ALIASES) if (key === alias || key.startsWith(alias + ' ')) return kind;
  for (const [alias, kind] of KIND_ALIASES) if (alias.length > 3 && ` ${key} `.includes(` ${alias} `)) return kind;
  return null;
}

/** Sign-ups and plans are counted for the two voluntary products a campaign canvasses for. */
export const CAMPAIGN_PRODUCTS = ['BHXH_TN', 'BHYT_HGD'] as const;
export type CampaignProduct = (typeof CAMPAIGN_PRODUCTS)[number];
export const CAMPAIGN_PRODUCT_LABELS: Record<CampaignProduct, string> = { BHXH_TN: 'BHXH tự nguyện', BHYT_HGD: 'BHYT hộ gia đình' };
export const CAMPAIGN_PRODUCT_SHORT: Record<CampaignProduct, string> = { BHXH_TN: 'BHXH TN', BHYT_HGD: 'BHYT HGĐ' };
/** The stock on the unit tree a product's sign-ups end up in (used for the campaign's effect). */
export const CAMPAIGN_PRODUCT_INDICATOR: Record<CampaignProduct, string> = { BHXH_TN: 'BHXH_TN', BHYT_HGD: 'BHYT_HGD' };

export type ProductFigures = Record<CampaignProduct, number | null>;

export const AUDIENCES = ['ETHNIC', 'REMOTE', 'FARMERS', 'NEAR_POOR', 'POOR', 'INFORMAL', 'WOMEN', 'YOUTH', 'ELDERLY', 'STUDENTS', 'OTHER'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  ETHNIC: 'Đồng bào dân tộc thiểu số',
  REMOTE: 'Vùng sâu, vùng xa',
  FARMERS: 'Nông dân',
  NEAR_POOR: 'Hộ cận nghèo',
  POOR: 'Hộ nghèo',
  INFORMAL: 'Lao động tự do',
  WOMEN: 'Phụ nữ',
  YOUTH: 'Thanh niên',
  ELDERLY: 'Người cao tuổi',
  STUDENTS: 'Học sinh, sinh viên',
  OTHER: 'Đối tượng khác',
};

const AUDIENCE_ALIASES: [string, Audience][] = (
  [
    ['dan toc', 'ETHNIC'], ['dan toc thieu so', 'ETHNIC'], ['dtts', 'ETHNIC'], ['dong bao', 'ETHNIC'],
    ['vung sau', 'REMOTE'], ['vung xa', 'REMOTE'], ['vung sau vung xa', 'REMOTE'], ['mien nui', 'REMOTE'], ['bien gioi', 'REMOTE'],
    ['nong dan', 'FARMERS'], ['nong nghiep', 'FARMERS'], ['ngu dan', 'FARMERS'],
    ['can ngheo', 'NEAR_POOR'], ['ho can ngheo', 'NEAR_POOR'],
    ['ngheo', 'POOR'], ['ho ngheo', 'POOR'],
    ['lao dong tu do', 'INFORMAL'], ['phi chinh thuc', 'INFORMAL'], ['tieu thuong', 'INFORMAL'], ['buon ban', 'INFORMAL'],
    ['phu nu', 'WOMEN'], ['hoi vien phu nu', 'WOMEN'],
    ['thanh nien', 'YOUTH'], ['doan vien', 'YOUTH'],
    ['nguoi cao tuoi', 'ELDERLY'], ['cao tuoi', 'ELDERLY'],
    ['hoc sinh', 'STUDENTS'], ['sinh vien', 'STUDENTS'],
  ] as [string, Audience][]
).sort((a, b) => b[0].length - a[0].length);

/** Every audience a typed text names ("Nông dân, hộ cận nghèo" → FARMERS, NEAR_POOR), in the order found. */
export function audiencesOf(text: string): Audience[] {
  const key = ` ${foldText(text)} `;
  const found: Audience[] = [];
  let rest = key;
  for (const [alias, audience] of AUDIENCE_ALIASES) {
    if (rest.includes(` ${alias} `)) {
      if (!found.includes(audience)) found.push(audience);
      rest = rest.split(` ${alias} `).join('  ');
    }
  }
  return found;
}

/** What an office puts into a campaign, each a whole number. */
export const CAMPAIGN_RESOURCES = ['teams', 'vehicles', 'staff', 'leaflets', 'broadcasts', 'posts', 'reach'] as const;
export type CampaignResource = (typeof CAMPAIGN_RESOURCES)[number];
export const CAMPAIGN_RESOURCE_LABELS: Record<CampaignResource, string> = {
  teams: 'Tổ, đội tuyên truyền',
  vehicles: 'Xe, phương tiện',
  staff: 'Cán bộ tham gia',
  leaflets: 'Tờ gấp, tờ rơi',
  broadcasts: 'Lượt phát thanh, truyền hình',
  posts: 'Bài đăng',
  reach: 'Lượt tiếp cận bài đăng',
};
