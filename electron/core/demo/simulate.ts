/** Seeded so the demo is the same on every machine and tests can rely on its shape. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Stock {
  POP: number;
  LABOUR: number;
  BHXH_BB: number;
  BHXH_TN: number;
  BHTN: number;
  BHYT: number;
  BHYT_HGD: number;
  BHYT_NSHT: number;
}

export interface CommuneProfile {
  start: Stock;
  /** How much of the planned growth this commune actually achieves: below 1 means behind. */
  performance: number;
}

const between = (random: () => number, lo: number, hi: number) => lo + random() * (hi - lo);

export function commonProfile(random: () => number, urban: boolean): CommuneProfile {
  const pop = Math.round(urban ? between(random, 12_000, 26_000) : between(random, 6_000, 18_000));
  const labour = pop * between(random, 0.56, 0.62);
  const bb = labour * (urban ? between(random, 0.22, 0.32) : between(random, 0.06, 0.14));
  return {
    start: {
      POP: pop,
      LABOUR: labour,
      BHXH_BB: bb,
      BHXH_TN: labour * between(random, 0.025, 0.06),
      BHTN: bb * 0.86,
      BHYT: pop * between(random, 0.88, 0.93),
      BHYT_HGD: pop * between(random, 0.16, 0.28),
      BHYT_NSHT: pop * between(random, 0.1, 0.2),
    },
    performance: between(random, 0.6, 1.25),
  };
}

/** Share of a year's voluntary growth reached by the end of each month: May and December peak. */
const CUMULATIVE = [0.03, 0.06, 0.12, 0.19, 0.35, 0.43, 0.5, 0.57, 0.65, 0.74, 0.84, 1];
/**
 * Household BHYT cards lapse early in the year and are renewed through spring; the May peak
 * month's launch days and door-to-door rounds bring most of them back at once.
 */
const HGD_DIP = [0.96, 0.95, 0.96, 0.975, 0.993, 0.995, 1, 1, 1, 1, 1, 1];
const YEARLY_GROWTH: Record<keyof Stock, number> = { POP: 0.008, LABOUR: 0.005, BHXH_BB: 0.045, BHXH_TN: 0.22, BHTN: 0.045, BHYT: 0.012, BHYT_HGD: 0.065, BHYT_NSHT: -0.02 };

/** The reporting cut-off of each month from January of firstYear to today: the 25th, 31/12 in December. */
export function monthlyAsOfDates(firstYear: number, today: string): string[] {
  const dates: string[] = [];
  for (let year = firstYear; ; year++) {
    for (let month = 1; month <= 12; month++) {
      const monthStart = `${year}-${String(month).padStart(2, '0')}-01`;
      if (monthStart > today) return dates;
      const cutoff = `${year}-${String(month).padStart(2, '0')}-${month === 12 ? '31' : '25'}`;
      dates.push(cutoff <= today ? cutoff : today);
    }
  }
}

export function simulateCommune(profile: CommuneProfile, asOfDates: string[], random: () => number): Stock[] {
  const firstYear = Number(asOfDates[0]!.slice(0, 4));
  return asOfDates.map((asOf) => {
    const years = Number(asOf.slice(0, 4)) - firstYear;
    const month = Number(asOf.slice(5, 7)) - 1;
    const stock = {} as Stock;
    for (const key of Object.keys(profile.start) as (keyof Stock)[]) {
      const growth = YEARLY_GROWTH[key] * (key === 'POP' || key === 'LABOUR' ? 1 : profile.performance);
      const yearStart = profile.start[key] * Math.pow(1 + growth, years);
      let value = yearStart * (1 + growth * CUMULATIVE[month]!);
      if (key === 'BHYT_HGD') value *= HGD_DIP[month]!;
      value *= 1 + (random() - 0.5) * 0.004;
      stock[key] = value;
    }
    stock.BHYT = Math.min(stock.BHYT, stock.POP * 0.985);
    stock.BHYT = Math.max(stock.BHYT, stock.BHYT_HGD + stock.BHYT_NSHT);
    return stock;
  });
}
