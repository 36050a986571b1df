/**
 * Person lists for canvassing: lists and their retention, search over a million rows (masked),
 * one person with the contact log, reveal (audited), bulk assignment by filter, call sheets and
 * walk lists, conversion, and the staged import pipeline (preview → rows → corrections → commit,
 * batches with undo).
 */
import { z } from 'zod';
import { CONTACT_CHANNELS, PERSON_FIELDS, PERSON_LIST_KINDS, PERSON_PRODUCTS, PERSON_STATUSES, PERSONAL_FIELDS } from '../domain/people';
import { pageRequest, type Page } from './paging';
import type {
  AssignOutcome, ConversionReport, DeleteListOutcome, PersonDetail, PersonImportBatch, PersonImportOutcome, PersonImportPreview,
  PersonListSummary, PersonRevealed, PersonRow, StagedRow, WalkList,
} from './peopleTypes';
import { channel, fileRef, isoDate, networkCode, optionalText, unitCode, yearMonth } from './schemas';
import type { ReportDocument } from './reportTypes';
import type { DownloadRef } from './types';

const listId = z.number().int().positive();
const personId = z.number().int().positive();
const batchId = z.number().int().positive();
const operationId = z.string().min(8).max(100);
const listName = z.string().trim().min(3, 'Tên danh sách quá ngắn').max(200, 'Tên danh sách tối đa 200 ký tự');
const status = z.enum(PERSON_STATUSES, 'Tình trạng không hợp lệ');

/** The filter of a search, an assignment and an export: bulk actions take a filter, not ids. */
export const personFilter = {
  listId: listId.optional(),
  /** A commune's code; with `hamlet`, one hamlet of it (matched without diacritics). */
  unitCode: unitCode.optional(),
  hamlet: z.string().trim().max(200).optional(),
  staffCode: networkCode.optional(),
  /** Only people no staff member has yet. */
  unassigned: z.boolean().optional(),
  status: z.array(status).max(PERSON_STATUSES.length).optional(),
  product: z.enum(PERSON_PRODUCTS).optional(),
  dueMonth: yearMonth.optional(),
};
const filterObject = z.object(personFilter);

export const peopleChannels = {
  'people:lists': channel<PersonListSummary[]>()(z.object({}).strict()),
  'people:saveList': channel<PersonListSummary>()(
    z.object({
      id: listId.optional(),
      name: listName,
      kind: z.enum(PERSON_LIST_KINDS),
      source: optionalText(200),
      retainUntil: isoDate.nullable().optional(),
      note: optionalText(1000),
    }),
  ),
  /** Deletes the list and every person and contact on it for good (VACUUM on SQLite). The name must be typed again. */
  'people:deleteList': channel<DeleteListOutcome>()(z.object({ listId, confirmName: z.string().trim().min(1, 'Hãy gõ lại tên danh sách để xác nhận') })),
  /**
   * Text: words of a name without diacritics ("dang thi hoa", or the given name "hoa"), a CCCD,
   * mã số BHXH or phone (whole or its start). Sorts: name, commune (then hamlet, name), status, due month.
   */
  'people:search': channel<Page<PersonRow>>()(pageRequest(['name', 'commune', 'status', 'due'] as const, personFilter)),
  'people:get': channel<PersonDetail>()(z.object({ id: personId })),
  /** The real identifiers and phone of one person; writes an audit row naming who and which fields. */
  'people:reveal': channel<PersonRevealed>()(z.object({ id: personId, fields: z.array(z.enum(PERSONAL_FIELDS)).min(1).max(PERSONAL_FIELDS.length).optional() })),
  'people:update': channel<PersonDetail>()(
    z.object({
      id: personId,
      staffCode: networkCode.nullable().optional(),
      status: status.optional(),
      note: optionalText(1000),
      phone: z.string().trim().max(20).nullable().optional(),
      hamlet: optionalText(200),
    }),
  ),
  'people:logContact': channel<PersonDetail>()(
    z.object({
      personId,
      contactedOn: isoDate,
      staffCode: networkCode.nullable().optional(),
      channel: z.enum(CONTACT_CHANNELS, 'Hãy chọn hình thức liên hệ'),
      outcome: status,
      note: optionalText(1000),
      campaignId: z.number().int().positive().nullable().optional(),
    }),
  ),
  /**
   * Assigns every person the filter matches: to one staff member, or evenly over several (the
   * filter's rows in hamlet and name order, dealt in turn so each gets whole hamlets where it can).
   */
  'people:assign': channel<AssignOutcome>()(
    z.object({
      filter: filterObject.refine((f) => f.listId !== undefined || f.unitCode !== undefined, 'Hãy chọn danh sách hoặc xã cần phân công'),
      staffCodes: z.array(networkCode).min(1, 'Hãy chọn nhân viên thu').max(200),
    }),
  ),
  /** One staff member's call sheet (kind 'call') or walk list grouped by hamlet ('walk'), as formatted Excel holding personal data (audited). */
  'people:exportSheet': channel<DownloadRef>()(
    z.object({ staffCode: networkCode, listId: listId.optional(), kind: z.enum(['call', 'walk']).default('call'), openOnly: z.boolean().default(true) }),
  ),
  /** The same people for the printable A4 walk list (audited as an export). */
  'people:walkList': channel<WalkList>()(z.object({ staffCode: networkCode, listId: listId.optional(), openOnly: z.boolean().default(true) })),
  /** The walk list as a Decree 30 document (heading, a table grouped by hamlet, signature) for printing on A4 (audited as an export). */
  'people:walkDocument': channel<ReportDocument>()(z.object({ staffCode: networkCode, listId: listId.optional(), openOnly: z.boolean().default(true) })),
  /** A filtered list as Excel: masked unless withPersonal (then marked and audited). */
  'people:export': channel<DownloadRef>()(z.object({ filter: filterObject, withPersonal: z.boolean().default(false) })),
  'people:conversion': channel<ConversionReport>()(
    z.object({ by: z.enum(['commune', 'staff', 'campaign']), listId: listId.optional(), from: isoDate.optional(), to: isoDate.optional() }),
  ),

  // The import pipeline. previewImport reads, maps and stages the whole file as a job
  // (progress events and 'people:cancelImport' under operationId); nothing reaches the lists
  // until commitImport writes exactly what was staged.
  'people:previewImport': channel<PersonImportPreview>()(
    z.object({
      file: fileRef,
      /** The list to import into: an existing one by id, or a new one by name (default: the file's name). */
      listId: listId.optional(),
      listName: listName.optional(),
      listKind: z.enum(PERSON_LIST_KINDS).optional(),
      sheet: z.string().max(100).optional(),
      /** Column letter → field (null: leave the column out), when the user corrects the detected mapping. */
      mapping: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.enum(PERSON_FIELDS).nullable()).optional(),
      operationId: operationId.optional(),
    }),
  ),
  'people:importRows': channel<Page<StagedRow>>()(
    z.object({
      batchId,
      status: z.enum(['ok', 'error', 'duplicate', 'update']).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),
  /** Fixes the typed cells of a staged row and validates it again, without reading the file. */
  'people:correctRow': channel<StagedRow>()(
    z.object({ batchId, rowNo: z.number().int().positive(), values: z.partialRecord(z.enum(PERSON_FIELDS), z.string().max(500)) }),
  ),
  /** Writes the staged rows (errors left out) after a backup, in one transaction; undoable by batch. */
  'people:commitImport': channel<PersonImportOutcome>()(z.object({ batchId, operationId: operationId.optional() })),
  'people:discardImport': channel<{ discarded: boolean }>()(z.object({ batchId })),
  'people:cancelImport': channel<{ cancelled: boolean }>()(z.object({ operationId })),
  /** The staged errors as a workbook to send back to the office (error cells marked). */
  'people:exportImportErrors': channel<DownloadRef>()(z.object({ batchId })),
  'people:batches': channel<PersonImportBatch[]>()(z.object({ listId: listId.optional() })),
  'people:undoBatch': channel<PersonImportBatch>()(z.object({ batchId })),
};
