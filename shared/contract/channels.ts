import { z } from 'zod';
import type {
  AppInfo, AuditEntry, BackupInfo, DemoOutcome, IndicatorDef, Office, RestoreOutcome, Unit, UnitDetail,
  UnitImportOutcome, UnitImportPreview,
} from './types';

// Messages zod writes itself (wrong type, too long…) reach users, so they are in Vietnamese too.
z.config(z.locales.vi());

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const unitCode = z.string().trim().regex(/^[0-9A-Za-z._-]{1,20}$/, 'Mã đơn vị chỉ gồm chữ số/chữ cái, tối đa 20 ký tự');
const fileRef = z.object({ token: z.string().min(8).max(100), name: z.string().max(500), size: z.number().int().nonnegative() });
const empty = z.object({}).strict();

/** Pairs a request schema with the response type, which exists only at compile time. */
function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res });
}

/**
 * Every call between the renderer (or the CLI) and core. Names are `area:verb`.
 * Adding a channel here is the only way to add one: the handlers must satisfy this map and
 * the preload, HTTP client and CLI are built from it.
 */
export const channels = {
  'app:info': channel<AppInfo>()(empty),

  'units:list': channel<Unit[]>()(
    z.object({
      asOf: isoDate.nullable().optional(),
      includeEnded: z.boolean().optional(),
      query: z.string().max(200).optional(),
      level: z.enum(['province', 'district', 'commune', 'hamlet']).optional(),
    }),
  ),
  'units:get': channel<UnitDetail>()(z.object({ code: unitCode })),
  'units:update': channel<UnitDetail>()(
    z.object({
      code: unitCode,
      name: z.string().trim().min(2, 'Tên đơn vị quá ngắn').max(200),
      kind: z.string().trim().max(40).nullable(),
      parentCode: unitCode.nullable(),
      validFrom: isoDate.nullable(),
      validTo: isoDate.nullable(),
    }),
  ),
  'units:previewImport': channel<UnitImportPreview>()(
    z.object({ file: fileRef, validFrom: isoDate.nullable().optional() }),
  ),
  'units:commitImport': channel<UnitImportOutcome>()(z.object({ planId: z.string().min(8).max(100) })),
  'units:recordMerge': channel<UnitDetail>()(
    z.object({
      fromCodes: z.array(unitCode).min(1, 'Chọn ít nhất một đơn vị cũ').max(200),
      toCode: unitCode,
      /** Needed only when the new unit does not exist yet. */
      toName: z.string().trim().min(2).max(200).optional(),
      toKind: z.string().trim().max(40).optional(),
      toParentCode: unitCode.optional(),
      effectiveDate: isoDate,
    }),
  ),

  'offices:list': channel<Office[]>()(empty),
  'indicators:list': channel<IndicatorDef[]>()(empty),

  'backups:list': channel<BackupInfo[]>()(empty),
  'backups:create': channel<BackupInfo>()(empty),
  'backups:restore': channel<RestoreOutcome>()(z.object({ fileName: z.string().min(1).max(300) })),

  'audit:list': channel<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(1000).optional() })),

  'demo:load': channel<DemoOutcome>()(empty),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = Channels[C]['response'];

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
