/**
 * Small building blocks shared by the report schema: amounts, rates, Markdown, ids, dates.
 * Every field carries a Chinese `title` so that messages, pages and the JSON Schema
 * name it the way staff know it.
 */
import { z } from 'zod';

/** Money, in the report's unit (万元 unless `budget.unit` says otherwise). Never negative. */
export const amount = (title: string) =>
  z
    .number()
    .min(0)
    .meta({ title, description: `${title}（单位见 budget.unit，默认万元）` });

/** A percentage as stated in the report, e.g. 98.0 for "98.0%". */
export const percent = (title: string) =>
  z
    .number()
    .min(0)
    .max(1000)
    .meta({ title, description: `${title}（百分数，如 98.0 表示 98.0%）` });

/** A growth rate in percent; may be negative (−2.5 for "下降2.5%"). */
export const change = (title: string) => z.number().meta({ title, description: `${title}（百分数，下降写负数）` });

/** Markdown text (rendered with raw HTML off). */
export const markdown = (title: string) =>
  z
    .string()
    .min(1)
    .meta({ title, description: `${title}（Markdown 文本）` });

/** Plain one-line text. */
export const text = (title: string) => z.string().trim().min(1).meta({ title });

/** A stable ASCII id used in URLs: lower-case letters, digits and hyphens. */
export const slug = (title: string) =>
  z
    .stringFormat('slug', /^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80)
    .meta({ title, description: `${title}：小写字母、数字和连字符，如 haizhu-kgsxj；各年度保持不变` });

/** A calendar date written YYYY-MM-DD (quoted or not; YAML keeps it as text). */
export const isoDate = (title: string) => z.iso.date().meta({ title, description: `${title}，格式 YYYY-MM-DD` });

/** 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60 (财预〔2020〕10号). */
export const GRADES = ['优', '良', '中', '差'] as const;
export const grade = (title: string) => z.enum(GRADES).meta({ title, description: `${title}：优、良、中、差` });
export type Grade = (typeof GRADES)[number];
