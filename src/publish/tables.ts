/**
 * The two open-data tables, each column defined once: its header (Chinese, as Excel users read
 * it), its Frictionless type, what it means, and how to get it from a report. reports.csv,
 * indicators.csv, datapackage.json and the open-data page all read these definitions.
 */
import { written } from '../number-format.ts';
import { executionRate, indicatorEntries, KIND_LABELS, type IndicatorEntry } from '../schema/index.ts';
import type { LoadedReport } from '../validate/index.ts';
import { toCsv, type Cell } from '../formats/csv.ts';
import { reportDataPath } from './report-json.ts';
import { publicUrl } from './urls.ts';
import { memoBy } from './memo.ts';
import { decimalText, toWan } from '../schema/money.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'date';

export interface Column<Row> {
  /** Header in the CSV and field name in datapackage.json. */
  name: string;
  type: FieldType;
  description: string;
  value: (row: Row) => Cell;
}

/** A stated amount in 万元, exactly (money.ts), for the columns that let reports be compared. */
function inWanText(r: LoadedReport, path: string, n: number | undefined): string | undefined {
  const w = written(r, path, n);
  const d = w === undefined ? undefined : toWan(w, r.report.budget?.unit ?? '万元');
  return d && decimalText(d);
}

export const REPORT_COLUMNS: Column<LoadedReport>[] = [
  { name: '报告标识', type: 'string', description: '报告的唯一标识：年度-部门标识[-项目标识]，也是页面和 JSON 文件的名字', value: (r) => r.id },
  { name: '年度', type: 'integer', description: '报告所属的预算年度', value: (r) => String(r.report.year) },
  { name: '报告类型', type: 'string', description: '部门整体（部门整体支出）或项目支出', value: (r) => KIND_LABELS[r.report.kind] },
  { name: '部门标识', type: 'string', description: '部门的稳定标识，各年度相同', value: (r) => r.report.department.id },
  { name: '部门名称', type: 'string', description: '报告所写的部门全称', value: (r) => r.report.department.name },
  { name: '项目名称', type: 'string', description: '项目支出报告的项目名称；部门整体报告为空', value: (r) => r.report.project?.name },
  { name: '报告标题', type: 'string', description: '报告原标题', value: (r) => r.report.title },
  { name: '发布日期', type: 'date', description: '报告的发布日期（YYYY-MM-DD）；原文未注明的为空', value: (r) => r.report.disclosure?.publishedDate },
  {
    name: '金额单位',
    type: 'string',
    description: '本行“全年预算”“实际支出”“基本支出”“项目支出”的单位，按报告原文：元、万元或亿元',
    value: (r) => r.report.budget?.unit,
  },
  {
    name: '全年预算',
    type: 'number',
    description: '全年预算数（调整后预算），预算执行率的分母',
    value: (r) => written(r, 'budget.planned', r.report.budget?.planned),
  },
  { name: '实际支出', type: 'number', description: '全年实际支出（执行数）', value: (r) => written(r, 'budget.spent', r.report.budget?.spent) },
  {
    name: '全年预算（万元）',
    type: 'number',
    description: '全年预算换算为万元（元 ÷ 10,000，亿元 × 10,000），由原文数字换算、不作舍入，供各报告相互比较',
    value: (r) => inWanText(r, 'budget.planned', r.report.budget?.planned),
  },
  {
    name: '实际支出（万元）',
    type: 'number',
    description: '实际支出换算为万元，同上',
    value: (r) => inWanText(r, 'budget.spent', r.report.budget?.spent),
  },
  {
    name: '报告所写预算执行率（%）',
    type: 'number',
    description: '报告原文所写的预算执行率，按原文位数',
    value: (r) => written(r, 'budget.executionRate', r.report.budget?.executionRate),
  },
  {
    name: '计算预算执行率（%）',
    type: 'number',
    description: '实际支出 ÷ 全年预算 × 100，保留两位小数；与报告所写不同时见核验提示',
    value: (r) => executionRate(r.report.budget?.spent, r.report.budget?.planned)?.toFixed(2),
  },
  { name: '基本支出', type: 'number', description: '基本支出（部门整体报告）', value: (r) => written(r, 'budget.basic', r.report.budget?.basic) },
  { name: '项目支出', type: 'number', description: '项目支出金额（部门整体报告）', value: (r) => written(r, 'budget.project', r.report.budget?.project) },
  { name: '自评得分', type: 'number', description: '自评总分', value: (r) => written(r, 'score.total', r.report.score?.total) },
  {
    name: '满分',
    type: 'number',
    description: '总分的满分（未注明时为 100）',
    value: (r) => (r.report.score ? written(r, 'score.max', r.report.score.max) : undefined),
  },
  { name: '评价等级', type: 'string', description: '优、良、中、差；原文未注明的为空', value: (r) => r.report.score?.grade },
  { name: '核验提示数', type: 'integer', description: '核验发现的原文不一致之处（含报告已说明的）', value: (r) => String(r.warnings.length) },
  { name: '页面地址', type: 'string', description: '本报告在本站的页面', value: (r) => publicUrl(`reports/${r.id}/`) },
  { name: '数据地址', type: 'string', description: '本报告完整数据（JSON）', value: (r) => publicUrl(reportDataPath(r.id)) },
];

export interface IndicatorRow extends IndicatorEntry {
  r: LoadedReport;
}

/** Number or text as written: numbers keep their written precision. */
const asWritten = (row: IndicatorRow, key: 'target' | 'actual' | 'max' | 'score' | 'rate'): Cell => {
  const v = row.ind[key];
  return typeof v === 'number' ? written(row.r, `${row.path}.${key}`, v) : v;
};

export const INDICATOR_COLUMNS: Column<IndicatorRow>[] = [
  { name: '报告标识', type: 'string', description: '所属报告，对应 reports.csv 的报告标识', value: (x) => x.r.id },
  { name: '指标序号', type: 'string', description: '指标在指标体系中的位置：1 为第一个一级指标，1.2 为其下第二个指标', value: (x) => x.number },
  { name: '层级', type: 'integer', description: '1 为一级指标，2 为二级指标，依此类推', value: (x) => String(x.depth + 1) },
  { name: '上级指标', type: 'string', description: '上级指标的名称；一级指标为空', value: (x) => x.parents.at(-1)?.name },
  { name: '指标名称', type: 'string', description: '指标名称', value: (x) => x.ind.name },
  { name: '分值', type: 'number', description: '指标分值（权重）', value: (x) => asWritten(x, 'max') },
  { name: '得分', type: 'number', description: '自评得分；原文空白的为空', value: (x) => asWritten(x, 'score') },
  { name: '得分率（%）', type: 'number', description: '报告所写的得分率', value: (x) => asWritten(x, 'rate') },
  { name: '年度指标值', type: 'string', description: '年度目标值（如 ≥95%），按原文', value: (x) => asWritten(x, 'target') },
  { name: '实际完成值', type: 'string', description: '实际完成值，按原文', value: (x) => asWritten(x, 'actual') },
  { name: '说明', type: 'string', description: '扣分或偏差原因等说明（Markdown 文本）', value: (x) => x.ind.note },
];

/** Every indicator of a report in reading order (depth first). */
export const indicatorRows = (r: LoadedReport): IndicatorRow[] => indicatorEntries(r.report.score?.indicators).map((e) => ({ ...e, r }));

const table = <Row>(columns: Column<Row>[], rows: Row[]) =>
  toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => c.value(row))),
  );

export const reportsCsv = memoBy((reports: LoadedReport[]) => table(REPORT_COLUMNS, reports));
export const indicatorsCsv = memoBy((reports: LoadedReport[]) => table(INDICATOR_COLUMNS, reports.flatMap(indicatorRows)));
