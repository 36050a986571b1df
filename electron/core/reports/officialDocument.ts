import type { ReportDocument, ReportHeader, ReportSection } from '../../../shared/contract';
import { ISSUER_PARENT, NATIONAL_MOTTO, NATIONAL_MOTTO_SUB, placeDateLine } from '../../../shared/domain/documents';
import { localToday, type CoreContext } from '../app/context';
import { issuerFor } from '../exports/appExports';
import { UnitRepository } from '../units/repository';
import { dataStamp } from './build';
import { defaultDefinition } from './defaults';
import { cleanName } from './scope';

export interface OfficialDocumentParts {
  title: string;
  subtitle?: string;
  cutoff?: string;
  /** "Số: …/BHXH-QLT" as printed; empty leaves the line to the issuer's clerk. */
  docNumber?: string;
  /** A letter's subject ("V/v …"), printed under its number instead of a title. */
  excerpt?: string;
  /** 'today' prints today's date; 'blank' leaves dots for the signer to fill ("ngày    tháng    năm 2026"). */
  dated: 'today' | 'blank';
  /** The unit whose province issues the document (null: the province of the tree). */
  unitCode?: string | null;
  /** The month whose figures the document shows (default: this month). */
  month?: string;
  /** The date the figures are read to (default today). */
  cutoffDate?: string;
  sections: ReportSection[];
  recipients: string[];
  signature: ReportDocument['signature'];
  scopeName?: string;
}

/**
 * A document in the Decree 30 layout (issuing body over its parent on the left, the national
 * motto on the right, place and date, title): the one place these parts are assembled, so a walk
 * list, a ranking, a reminder letter and a quote share the same heading.
 */
export async function officialDocument(ctx: CoreContext, parts: OfficialDocumentParts): Promise<ReportDocument> {
  const today = localToday(ctx.now());
  const month = parts.month ?? today.slice(0, 7);
  const definition = await defaultDefinition(ctx, parts.month ? { period: parts.month } : {});
  const province = await issuerFor(ctx, parts.unitCode ?? null);
  const header: ReportHeader = {
    issuerParent: ISSUER_PARENT,
    issuer: province,
    motto: NATIONAL_MOTTO,
    mottoSub: NATIONAL_MOTTO_SUB,
    docNumber: parts.docNumber ?? '',
    ...(parts.excerpt ? { excerpt: parts.excerpt } : {}),
    placeDate: placeDateLine(definition.place, parts.dated === 'today' ? today : null, today.slice(0, 4)),
    title: parts.title,
    subtitle: parts.subtitle ?? '',
    cutoff: parts.cutoff ?? '',
  };
  return {
    definition,
    header,
    scopeName: parts.scopeName ?? cleanName(province),
    month,
    cutoffDate: parts.cutoffDate ?? today,
    sections: parts.sections,
    recipients: parts.recipients,
    signature: parts.signature,
    isDemo: await new UnitRepository(ctx.store).hasDemo(),
    builtAt: ctx.now().toISOString(),
    dataStamp: await dataStamp(ctx),
  };
}
