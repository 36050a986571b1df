import type { SectionDef } from './types';

function freeText(id: string, title: string, description: string, placeholder: string): SectionDef {
  return {
    info: { id, title, description, defaultOn: true, editable: true },
    build: (_sc, choice) => ({ title: title.toLocaleUpperCase('vi'), orientation: 'portrait', blocks: [{ kind: 'freeText', text: (choice.text ?? '').trim(), placeholder }] }),
  };
}

export const assessmentSection = freeText(
  'assessment',
  'Đánh giá chung',
  'Nhận xét của đơn vị về kết quả, thuận lợi, khó khăn, nguyên nhân (nhập tay).',
  'Nhập đánh giá chung: kết quả nổi bật, tồn tại, hạn chế và nguyên nhân.',
);

export const tasksSection = freeText(
  'tasks',
  'Nhiệm vụ, giải pháp thời gian tới',
  'Nhiệm vụ trọng tâm và kiến nghị, đề xuất (nhập tay).',
  'Nhập nhiệm vụ, giải pháp trọng tâm và kiến nghị, đề xuất.',
);
