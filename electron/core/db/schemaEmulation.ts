/** Migration 14: emulation criteria, scores and awards (see 014-emulation.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EmulationTables {}
