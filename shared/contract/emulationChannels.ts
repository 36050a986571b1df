/** Emulation (thi đua) and awards (khen thưởng): criteria sets, scores, award records. */
export const emulationChannels = {} as const;
