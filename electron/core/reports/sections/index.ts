import type { ReportSectionInfo } from '../../../../shared/contract';
import { arrearsSection } from './arrears';
import { campaignsSection } from './campaigns';
import { progressChartSection, trendChartSection } from './charts';
import { coverageSection } from './coverage';
import { assessmentSection, tasksSection } from './freeText';
import { headlineSection } from './headline';
import { networkSection } from './network';
import { rankingsSection } from './rankings';
import type { SectionDef } from './types';
import { unitTableSection } from './unitTable';

/** Every section a report can hold, in the default print order. New areas register theirs here. */
export const SECTIONS: readonly SectionDef[] = [
  headlineSection,
  coverageSection,
  unitTableSection,
  rankingsSection,
  progressChartSection,
  trendChartSection,
  networkSection,
  campaignsSection,
  arrearsSection,
  assessmentSection,
  tasksSection,
];

export function sectionById(id: string): SectionDef | undefined {
  return SECTIONS.find((s) => s.info.id === id);
}

export function sectionCatalogue(): ReportSectionInfo[] {
  return SECTIONS.map((s) => s.info);
}
