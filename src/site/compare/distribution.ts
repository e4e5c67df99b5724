/**
 * How a set of reports spreads over the grades (优 良 中 差, as stated) and over score bands (the
 * score out of 100). Reports that state no grade or no score are counted apart, never guessed.
 */
import type { LoadedReport } from '../content.ts';
import { scorePercent } from './measures.ts';

export const GRADES = ['优', '良', '中', '差'] as const;

export interface Bucket {
  label: string;
  count: number;
}

export function gradeDistribution(reports: readonly LoadedReport[]): Bucket[] {
  const rows: Bucket[] = GRADES.map((g) => ({ label: g, count: reports.filter((r) => r.report.score?.grade === g).length }));
  const none = reports.filter((r) => !r.report.score?.grade).length;
  return none ? [...rows, { label: '未注明', count: none }] : rows;
}

/** Bands of the score out of 100, highest first; the lower bound is included. */
export const SCORE_BANDS = [
  { label: '95–100 分', min: 95 },
  { label: '90–94.9 分', min: 90 },
  { label: '85–89.9 分', min: 85 },
  { label: '80–84.9 分', min: 80 },
  { label: '70–79.9 分', min: 70 },
  { label: '60–69.9 分', min: 60 },
  { label: '60 分以下', min: -Infinity },
] as const;

export function scoreDistribution(reports: readonly LoadedReport[]): Bucket[] {
  const counts = SCORE_BANDS.map(() => 0);
  let none = 0;
  for (const r of reports) {
    const s = scorePercent(r);
    if (s === undefined) none++;
    else counts[SCORE_BANDS.findIndex((b) => s >= b.min)]!++;
  }
  const rows = SCORE_BANDS.map((b, i) => ({ label: b.label, count: counts[i]! }));
  return none ? [...rows, { label: '未注明', count: none }] : rows;
}
