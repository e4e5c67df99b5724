/**
 * The department's projects (二级项目) as the report describes them: a stated count and total,
 * groups the report names (重点专项资金项目 …) with their own budgets and payments, and
 * 重点绩效评价 — a deeper evaluation of one project, with its own score and grade.
 */
import { z } from 'zod';
import { amount, grade, markdown, percent, text } from './common.ts';

export const ProjectItemSchema = z.strictObject({
  /** 项目名称 */
  name: text('项目名称'),
  planned: amount('预算资金').optional(),
  spent: amount('支付资金').optional(),
  note: markdown('说明').optional(),
});

export const ProjectGroupSchema = z.strictObject({
  /** 类别名称, e.g. 重点专项资金项目 */
  name: text('项目类别'),
  /** 项目个数 as stated. */
  count: z.int().min(0).meta({ title: '项目个数' }).optional(),
  planned: amount('预算资金').optional(),
  spent: amount('支付资金').optional(),
  /** 支付率 as stated, in percent. */
  paymentRate: percent('支付率').optional(),
  /** The projects of this group that the report names (may be fewer than `count`). */
  items: z.array(ProjectItemSchema).min(1).meta({ title: '所列项目' }).optional(),
  note: markdown('说明').optional(),
});

export const ProjectsSchema = z
  .strictObject({
    /** 二级项目个数 as stated. */
    count: z.int().min(0).meta({ title: '项目个数' }).optional(),
    /** 涉及资金 as stated. */
    amount: amount('涉及资金').optional(),
    groups: z.array(ProjectGroupSchema).min(1).meta({ title: '项目类别' }).optional(),
  })
  .meta({ title: '项目支出情况' });

export const KeyEvaluationSchema = z.strictObject({
  /** 评价对象 (the project evaluated) */
  name: text('评价项目'),
  /** 涉及资金 */
  amount: amount('涉及资金').optional(),
  score: z.number().min(0).max(100).meta({ title: '评价得分' }).optional(),
  grade: grade('评价等级').optional(),
  summary: markdown('评价情况').optional(),
});

export const KeyFigureSchema = z.strictObject({
  /** 指标名称, e.g. 规上制造业总产值 */
  name: text('指标名称'),
  /** Value as stated; omitted when only a change is stated. */
  value: z.number().meta({ title: '数值' }).optional(),
  /** 单位, e.g. 亿元, %, 家 */
  unit: text('单位').optional(),
  /** 增长率 in percent; negative for a fall. */
  change: z.number().meta({ title: '增减（%）' }).optional(),
  note: text('说明').optional(),
});
