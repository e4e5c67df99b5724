/**
 * Reports ranked by one figure, highest first. Equal figures share a rank (1, 2, 2, 4) and are
 * listed by name; reports without the figure are not ranked but listed apart, so a missing
 * score never reads as the lowest.
 */
import type { LoadedReport } from '../content.ts';

export interface Ranked {
  r: LoadedReport;
  value: number;
  rank: number;
}

export interface Ranking {
  ranked: Ranked[];
  unranked: LoadedReport[];
}

export function rankBy(reports: readonly LoadedReport[], value: (r: LoadedReport) => number | undefined, name: (r: LoadedReport) => string): Ranking {
  const known = reports.map((r) => ({ r, value: value(r) })).filter((x): x is { r: LoadedReport; value: number } => x.value !== undefined);
  known.sort((a, b) => b.value - a.value || name(a.r).localeCompare(name(b.r), 'zh-CN'));
  const ranked = known.map((x, i) => ({ ...x, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++) if (ranked[i]!.value === ranked[i - 1]!.value) ranked[i]!.rank = ranked[i - 1]!.rank;
  return { ranked, unranked: reports.filter((r) => value(r) === undefined) };
}
