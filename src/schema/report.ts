/**
 * The report data file: one YAML file per published 绩效自评报告. This schema is the single
 * truth for the validator, the importer, the pages, the open data and the JSON Schema.
 * Core names follow shared/design/data-model.md.
 */
import { z } from 'zod';
import { BudgetSchema } from './budget.ts';
import { DisclosureSchema } from './disclosure.ts';
import { grade, markdown, slug, text } from './common.ts';
import { CheckedSchema } from './checked.ts';
import { IndicatorSchema } from './indicators.ts';
import { KeyEvaluationSchema, KeyFigureSchema, ProjectsSchema } from './projects.ts';

export const KINDS = ['department', 'project'] as const;
/** The kind as a short tag and a search filter: 部门整体 / 项目支出. */
export const KIND_LABELS: Record<(typeof KINDS)[number], string> = { department: '部门整体', project: '项目支出' };
/** The kind of report in full, as pages name it: 部门整体支出绩效自评报告 / 项目支出绩效自评报告. */
export const KIND_REPORT_NAMES: Record<(typeof KINDS)[number], string> = { department: '部门整体支出绩效自评报告', project: '项目支出绩效自评报告' };

export const DepartmentSchema = z.strictObject({
  /** Stable id across years, used in URLs: haizhu-kgsxj */
  id: slug('部门标识'),
  /** 部门全称 as in the report */
  name: text('部门名称'),
  /** 简称, e.g. 区科工商信局 */
  shortName: text('部门简称').optional(),
  /** 所属地区, e.g. 广州市海珠区 */
  region: text('所属地区').optional(),
});

export const ProjectSchema = z.strictObject({
  /** Stable id of the project within its department, used in URLs. */
  id: slug('项目标识'),
  name: text('项目名称'),
  /** 项目编码 as the finance system writes it (text, to keep leading zeros). */
  code: text('项目编码').optional(),
});

export const ScoreSchema = z.strictObject({
  /** 自评得分 / 综合评分 */
  total: z.number().min(0).meta({ title: '自评得分' }).optional(),
  /** 满分; 100 when omitted. */
  max: z.number().positive().default(100).meta({ title: '满分' }),
  grade: grade('评价等级').optional(),
  indicators: z.array(IndicatorSchema).min(1).meta({ title: '指标体系' }).optional(),
});

export const NarrativeSchema = z
  .strictObject({
    summary: markdown('摘要').optional(),
    functions: markdown('部门概况与主要职责').optional(),
    tasks: markdown('年度总体工作和重点工作任务').optional(),
    finance: markdown('整体收支情况').optional(),
    management: markdown('绩效管理情况').optional(),
    conclusion: markdown('自评结论').optional(),
    goals: markdown('绩效目标完成情况分析').optional(),
    projects: markdown('项目支出完成情况分析').optional(),
    achievements: markdown('主要工作成效').optional(),
    problems: markdown('存在的主要问题').optional(),
    measures: markdown('下一步改进措施').optional(),
  })
  .meta({ title: '报告正文' });

/** Narrative parts in reading order, with their headings. */
export const NARRATIVE_ORDER = Object.keys(NarrativeSchema.shape) as (keyof z.infer<typeof NarrativeSchema>)[];

export const AttachmentSchema = z.strictObject({
  title: text('附件名称'),
  /** Path relative to the report file, e.g. 2022-haizhu-kgsxj.pdf */
  file: z.stringFormat('relpath', /^(?!(?:.*\/)?\.\.(?:\/|$))[^/\\][^\\]*$/).meta({ title: '附件文件' }),
});

export const AcknowledgementSchema = z.strictObject({
  /** The warning code, e.g. W_RATE_MISMATCH */
  code: z.stringFormat('warning-code', /^W_[A-Z_]+$/).meta({ title: '提示代码' }),
  /** Field path the warning is about, e.g. budget.executionRate; omitted = every warning of that code. */
  field: text('字段').optional(),
  /** Why the figure stays as published. */
  reason: text('说明'),
});

/**
 * What the original report does not state, said in the file: a non-draft report must give its
 * budget (planned and spent) and its total score, or say here, in a sentence the page shows,
 * that the original does not state them. Nothing is ever filled in instead.
 */
export const NotStatedSchema = z
  .strictObject({
    /** Why budget.planned / budget.spent are absent, e.g. 原报告未公开预算数和支出数 */
    budget: text('预算未注明的说明').optional(),
    /** Why score.total is absent, e.g. 原报告未给出自评得分 */
    score: text('得分未注明的说明').optional(),
  })
  .meta({ title: '原文未写明的说明' });

export const ReportSchema = z
  .strictObject({
    /** department (部门整体支出) | project (项目支出) */
    kind: z.enum(KINDS).meta({ title: '报告类型', description: 'department（部门整体支出）或 project（项目支出）' }),
    /** 年度 (fiscal year) */
    year: z.int().min(1990).max(2100).meta({ title: '年度' }),
    title: text('报告标题'),
    /** A draft from `jixiao import`, not yet checked by a person: never published. */
    draft: z.boolean().optional().meta({ title: '草稿' }),
    /** The figures checked against the original so far (src/schema/checked.ts). */
    checked: CheckedSchema.optional(),
    department: DepartmentSchema.meta({ title: '部门' }),
    project: ProjectSchema.meta({ title: '项目' }).optional(),
    disclosure: DisclosureSchema.optional(),
    budget: BudgetSchema.optional(),
    score: ScoreSchema.meta({ title: '评分' }).optional(),
    narrative: NarrativeSchema.optional(),
    keyFigures: z.array(KeyFigureSchema).min(1).meta({ title: '主要指标' }).optional(),
    projects: ProjectsSchema.optional(),
    keyEvaluations: z.array(KeyEvaluationSchema).min(1).meta({ title: '重点绩效评价' }).optional(),
    attachments: z.array(AttachmentSchema).min(1).meta({ title: '附件' }).optional(),
    acknowledgements: z.array(AcknowledgementSchema).min(1).meta({ title: '已说明的核验提示' }).optional(),
    notStated: NotStatedSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'project' && !r.project)
      ctx.addIssue({ code: 'custom', path: ['project'], message: '项目支出报告缺少 project', params: { rule: 'project-required' }, input: undefined });
    if (r.kind === 'department' && r.project)
      ctx.addIssue({ code: 'custom', path: ['project'], message: '部门整体报告不应有 project', params: { rule: 'project-on-department' }, input: r.project });
  })
  .meta({ title: '绩效自评报告', description: 'jixiao 报告数据文件' });

export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
export type Kind = Report['kind'];
