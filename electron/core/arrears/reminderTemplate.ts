import { AppError, type ReminderTemplate } from '../../../shared/contract';
import { reminderTemplateProblems } from '../../../shared/calc/arrears';
import { DEFAULT_REMINDER_TEMPLATE, REMINDER_FIELDS } from '../../../shared/domain/arrears';
import type { CoreContext } from '../app/context';
import { recordAudit } from '../audit/audit';
import type { Store } from '../db/store';

/** The settings row holding an office's own wording of the reminder letter (absent: the default). */
const KEY = 'arrears.reminderTemplate';

export async function storedReminderTemplate(store: Store): Promise<string | null> {
  const row = await store.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as string) : null;
}

function answer(text: string | null): ReminderTemplate {
  return { text: text ?? DEFAULT_REMINDER_TEMPLATE, isDefault: text === null, defaultText: DEFAULT_REMINDER_TEMPLATE, fields: Object.entries(REMINDER_FIELDS).map(([key, label]) => ({ key, label })) };
}

export async function reminderTemplate(ctx: CoreContext): Promise<ReminderTemplate> {
  return answer(await storedReminderTemplate(ctx.store));
}

/** Saves the wording (null: back to the default), refused whole when a field is unknown or the table line is missing. */
export async function saveReminderTemplate(ctx: CoreContext, text: string | null): Promise<ReminderTemplate> {
  const value = text === null || text.trim() === DEFAULT_REMINDER_TEMPLATE ? null : text.trim();
  if (value !== null) {
    const problems = reminderTemplateProblems(value);
    if (problems.length) throw new AppError('VALIDATION', `Chưa lưu mẫu công văn đôn đốc: ${problems.join(' ')}`, { field: 'text' });
  }
  await ctx.store.transaction(async () => {
    const db = ctx.store.db;
    await db.deleteFrom('settings').where('key', '=', KEY).execute();
    if (value !== null) await db.insertInto('settings').values({ key: KEY, value: JSON.stringify(value) }).execute();
    await recordAudit(
      ctx.store, ctx.actor,
      { action: 'update', entity: 'reminder-template', entityKey: null, summary: value === null ? 'Dùng lại mẫu công văn đôn đốc mặc định' : 'Sửa mẫu công văn đôn đốc' },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'arrears' });
  return answer(value);
}
