/**
 * Employer arrears (nợ đọng): overview by band, office, sector and month; employers with their
 * months, collection actions and promises; dated ratio targets; the reminder letter (công văn đôn
 * đốc) as a Decree 30 document; the import of an office's arrears list (preview → commit, batches
 * with undo).
 */
import { z } from 'zod';
import { ARREARS_ACTION_KINDS, ARREARS_BANDS, EMPLOYER_CODE_MESSAGE, EMPLOYER_CODE_PATTERN, EMPLOYER_KINDS, EMPLOYER_STATUSES, TAX_CODE_MESSAGE, TAX_CODE_PATTERN } from '../domain/arrears';
import type { ArrearsAction, ArrearsBatch, ArrearsEmployerRow, ArrearsImportOutcome, ArrearsImportPreview, ArrearsOverview, ArrearsPromise, ArrearsTarget, EmployerDetail, ReminderTemplate } from './arrearsTypes';
import { pageRequest, type Page } from './paging';
import type { ReportDocument } from './reportTypes';
import { channel, fileRef, isoDate, officeCode, optionalText, planId, shortText, unitCode, yearMonth } from './schemas';

const id = z.number().int().positive();
const money = z.number().int('Số tiền phải là số nguyên (đồng)').min(0, 'Số tiền không được âm').max(1e15);
const employerCode = z.string().trim().regex(EMPLOYER_CODE_PATTERN, EMPLOYER_CODE_MESSAGE);

/** The filters of the employers list (bulk views take the same filter). */
export const arrearsEmployerFilter = {
  /** The month whose figures the list shows (latest row on or before it); default: the latest month with data. */
  period: yearMonth.optional(),
  officeCode: officeCode.optional(),
  unitCode: unitCode.optional(),
  band: z.enum(ARREARS_BANDS).optional(),
  status: z.enum(EMPLOYER_STATUSES).optional(),
  kind: z.enum(EMPLOYER_KINDS).optional(),
  /** Only employers owing something in the period. */
  inArrearsOnly: z.boolean().optional(),
};

export const arrearsChannels = {
  /** Total owed, by band, by office, by sector, the months up to the period, ratio vs the target in force, largest debtors. */
  'arrears:overview': channel<ArrearsOverview>()(z.object({ period: yearMonth, officeCode: officeCode.nullable().optional() })),
  /** Text matches name, code or tax code without diacritics. Sorts: amount owed, months owed, name, code, office. */
  'arrears:employers': channel<Page<ArrearsEmployerRow>>()(pageRequest(['amount', 'months', 'name', 'code', 'office'] as const, arrearsEmployerFilter)),
  'arrears:employer': channel<EmployerDetail>()(z.object({ id })),
  'arrears:saveEmployer': channel<EmployerDetail>()(
    z.object({
      id: id.optional(),
      code: employerCode,
      name: z.string().trim().min(3, 'Tên đơn vị quá ngắn').max(300, 'Tên đơn vị tối đa 300 ký tự'),
      taxCode: z.string().trim().regex(TAX_CODE_PATTERN, TAX_CODE_MESSAGE).nullable().optional(),
      kind: z.enum(EMPLOYER_KINDS, 'Hãy chọn loại hình đơn vị'),
      address: optionalText(300),
      unitCode: unitCode.nullable().optional(),
      officeCode: officeCode.nullable().optional(),
      workers: z.number().int().min(0, 'Số lao động không được âm').max(1_000_000).nullable().optional(),
      status: z.enum(EMPLOYER_STATUSES, 'Tình trạng không hợp lệ'),
    }),
  ),
  'arrears:logAction': channel<EmployerDetail>()(
    z.object({
      employerId: id,
      actedOn: isoDate,
      kind: z.enum(ARREARS_ACTION_KINDS, 'Hãy chọn hình thức đôn đốc'),
      docNumber: optionalText(100),
      officer: optionalText(100),
      note: optionalText(1000),
      amountRecovered: money.nullable().optional(),
    }),
  ),
  'arrears:deleteAction': channel<EmployerDetail>()(z.object({ id })),
  /** The collection log. Sorts: date, employer, kind. */
  'arrears:actions': channel<Page<ArrearsAction>>()(
    pageRequest(['date', 'employer', 'kind'] as const, {
      kind: z.enum(ARREARS_ACTION_KINDS).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      officeCode: officeCode.optional(),
      employerId: id.optional(),
    }),
  ),
  /** Instalment promises; overdue = pending with a date before today. Sorts: promised date, employer, amount. */
  'arrears:promises': channel<Page<ArrearsPromise>>()(
    pageRequest(['date', 'employer', 'amount'] as const, {
      status: z.enum(['PENDING', 'KEPT', 'BROKEN']).optional(),
      overdueOnly: z.boolean().optional(),
      officeCode: officeCode.optional(),
      employerId: id.optional(),
    }),
  ),
  'arrears:savePromise': channel<EmployerDetail>()(
    z.object({ id: id.optional(), employerId: id, promisedOn: isoDate, amount: money.min(1, 'Số tiền cam kết phải lớn hơn 0'), note: optionalText(1000) }),
  ),
  /** Closes a pending promise as kept or broken. */
  'arrears:settlePromise': channel<EmployerDetail>()(
    z.object({ id, status: z.enum(['KEPT', 'BROKEN'], 'Hãy chọn kết quả'), settledOn: isoDate, settledAmount: money.nullable().optional(), note: optionalText(1000) }),
  ),
  'arrears:targets': channel<ArrearsTarget[]>()(z.object({ officeCode: officeCode.nullable().optional() })),
  /** Adds (or replaces, same office and day) a dated ratio target; officeCode null = the province. */
  'arrears:saveTarget': channel<ArrearsTarget[]>()(
    z.object({
      officeCode: officeCode.nullable(),
      validFrom: isoDate,
      ratio: z.number().min(0, 'Tỷ lệ không được âm').max(100, 'Tỷ lệ tối đa 100%'),
      source: optionalText(300),
      note: optionalText(1000),
    }),
  ),
  /** The wording of the reminder letter (công văn đôn đốc) with the fields it may use. */
  'arrears:reminderTemplate': channel<ReminderTemplate>()(z.object({}).strict()),
  /** Saves the office's wording (null: back to the default); an unknown {field} or a missing table line is refused. */
  'arrears:saveReminderTemplate': channel<ReminderTemplate>()(z.object({ text: z.string().max(20_000, 'Mẫu công văn tối đa 20.000 ký tự').nullable() })),
  /** The reminder letter (công văn đôn đốc) to one employer as a Decree 30 document. */
  'arrears:reminderDocument': channel<ReportDocument>()(
    z.object({
      employerId: id,
      period: yearMonth.optional(),
      docNumber: shortText(100).optional(),
      place: shortText(100).optional(),
      issueDate: isoDate.nullable().optional(),
      signerTitle: shortText(100).optional(),
      signerName: shortText(100).optional(),
    }),
  ),

  /** Reads an arrears list; period and office chosen here or read from the file. Nothing is written. */
  'arrears:previewImport': channel<ArrearsImportPreview>()(z.object({ file: fileRef, period: yearMonth.optional(), officeCode: officeCode.optional() })),
  /** Writes the previewed rows after a backup, in one transaction; refused whole while any row has an error (nothing written); undoable by batch. */
  'arrears:commitImport': channel<ArrearsImportOutcome>()(z.object({ planId })),
  'arrears:batches': channel<Page<ArrearsBatch>>()(pageRequest(['at'] as const, {})),
  'arrears:undoBatch': channel<ArrearsBatch>()(z.object({ batchId: id })),
};
