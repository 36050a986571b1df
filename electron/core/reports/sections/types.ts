import type { ReportBlock, ReportDefinition, ReportSectionChoice, ReportSectionInfo } from '../../../../shared/contract';
import type { IndicatorDef } from '../../../../shared/domain/indicators';
import type { CoreContext } from '../../app/context';
import type { Figures } from '../../results/compare';
import type { ReportScope } from '../scope';

/** What every section reads: the figures of the report's month on its view tree, and its scope. */
export interface SectionContext {
  ctx: CoreContext;
  def: ReportDefinition;
  figures: Figures;
  scope: ReportScope;
  /** Count indicators the user chose for the tables by unit, charts and rankings. */
  indicators: IndicatorDef[];
  /** YYYY-MM of the figures. */
  month: string;
  year: number;
  monthIndex: number;
  /** "31/12/2025" */
  endLastYearLabel: string;
  /** "25/10/2026": the month's cut-off, or today while the month is still running. */
  cutoffLabel: string;
}

export interface SectionBody {
  /** Heading without its number ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"); build adds "I.", "II." … */
  title: string;
  orientation: 'portrait' | 'landscape';
  blocks: ReportBlock[];
}

/**
 * A pluggable part of the report. Agents and campaigns add theirs by adding a module to
 * the catalogue in ./index.ts; the renderer draws blocks, so it needs no change.
 */
export interface SectionDef {
  info: ReportSectionInfo;
  /** May read more data (an area's own tables) through sc.ctx.store: one constant set of queries per section. */
  build(sc: SectionContext, choice: ReportSectionChoice): SectionBody | Promise<SectionBody>;
}
