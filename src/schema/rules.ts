/**
 * The domain rules that the audit, the pages, the about page and the open data all apply,
 * written once: the grade bands of 财预〔2020〕10号 and the rates computed from stated figures.
 */
import type { Grade } from './common.ts';

export interface GradeBand {
  grade: Grade;
  /** Lowest score of the band (inclusive); -Infinity for 差. */
  min: number;
  /** Score the band stays below (exclusive); Infinity for 优. */
  below: number;
  /** The band in words for staff: 在 80 分及以上、不到 90 分. */
  words: string;
  /** The band as a page shows it beside a grade: 80 分至不足 90 分. */
  text: string;
  /** The band as the about page's table writes it: 80–<90. */
  short: string;
}

/** 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60, best first. */
export const GRADE_BANDS: readonly GradeBand[] = [
  { grade: '优', min: 90, below: Infinity, words: '在 90 分及以上', text: '90 分及以上', short: '≥ 90' },
  { grade: '良', min: 80, below: 90, words: '在 80 分及以上、不到 90 分', text: '80 分至不足 90 分', short: '80–<90' },
  { grade: '中', min: 60, below: 80, words: '在 60 分及以上、不到 80 分', text: '60 分至不足 80 分', short: '60–<80' },
  { grade: '差', min: -Infinity, below: 60, words: '不到 60 分', text: '不足 60 分', short: '< 60' },
];

export const bandOf = (grade: Grade): GradeBand => GRADE_BANDS.find((b) => b.grade === grade)!;

/** True when a score lies in the band of its stated grade. */
export const gradeFits = (grade: Grade, score: number): boolean => {
  const b = bandOf(grade);
  return score >= b.min && score < b.below;
};

/** The rule in one sentence, for hints: 优 ≥ 90，80 ≤ 良 < 90，60 ≤ 中 < 80，差 < 60. */
export const GRADE_RULE = '优 ≥ 90，80 ≤ 良 < 90，60 ≤ 中 < 80，差 < 60';

/**
 * spent ÷ planned in percent (预算执行率, 支付率), unrounded; undefined when the planned amount
 * is missing or zero, or nothing spent is stated.
 */
export function spentRate(b: { planned?: number | undefined; spent?: number | undefined } | undefined): number | undefined {
  return b?.planned && b.spent !== undefined ? (b.spent / b.planned) * 100 : undefined;
}

/** score ÷ max in percent (得分率), unrounded; undefined without both. */
export function scoreRate(score: number | undefined, max: number | undefined): number | undefined {
  return score !== undefined && max ? (score / max) * 100 : undefined;
}

/** A computed rate as published (figures of a warning, the open data): two decimal places. */
export const rateFigure = (rate: number): number => Math.round(rate * 100) / 100;

/** The one execution-rate rule, for a report or for totals: spent ÷ planned in percent, two places. */
export function executionRate(spent: number | undefined, planned: number | undefined): number | undefined {
  const rate = spentRate({ spent, planned });
  return rate === undefined ? undefined : rateFigure(rate);
}
