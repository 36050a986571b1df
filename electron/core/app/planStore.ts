import { randomBytes } from 'node:crypto';

/**
 * Previewed plans wait here until the user commits exactly them. Old plans expire so a
 * forgotten preview cannot be committed hours later against changed data.
 */
export class PlanStore<T> {
  private plans = new Map<string, { plan: T; at: number }>();
  constructor(private readonly ttlMs = 60 * 60 * 1000) {}

  put(plan: T): string {
    this.sweep();
    const id = randomBytes(12).toString('hex');
    this.plans.set(id, { plan, at: Date.now() });
    return id;
  }

  take(id: string): T | null {
    this.sweep();
    const entry = this.plans.get(id);
    this.plans.delete(id);
    return entry?.plan ?? null;
  }

  /** Reads a plan without consuming it (exports of a preview). */
  peek(id: string): T | null {
    this.sweep();
    return this.plans.get(id)?.plan ?? null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.plans) if (now - entry.at > this.ttlMs) this.plans.delete(id);
  }
}
