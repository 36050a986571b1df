import { create } from 'zustand';
import type { AppErrorShape, ReminderTemplate, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { afterArrearsWrite } from './arrears';

interface ReminderTemplateState {
  template: ReminderTemplate | null;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  /** null: back to the default wording. */
  save: (text: string | null) => Promise<Result<ReminderTemplate>>;
}

/** The wording of the reminder letter (công văn đôn đốc) an office prints to its debtors. */
export const useReminderTemplate = create<ReminderTemplateState>((set) => ({
  template: null,
  error: null,
  load: async () => {
    const res = await call('arrears:reminderTemplate', {});
    set(res.ok ? { template: res.value, error: null } : { error: res.error });
  },
  save: async (text) => {
    const res = await call('arrears:saveReminderTemplate', { text });
    if (res.ok) {
      set({ template: res.value, error: null });
      await afterArrearsWrite();
    }
    return res;
  },
}));
