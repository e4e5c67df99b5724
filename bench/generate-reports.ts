/**
 * A synthetic corpus of 绩效自评报告 for search-quality tests and build benchmarks: many years,
 * 200 fictional departments (all named 虚构市…), department reports (Guangdong or town form) and
 * project reports (national form: 预算执行 10 + 产出 50 + 效益 30 + 满意度 10, leaves with targets
 * and actuals), each with ~4 KB of Chinese narrative. Deterministic: report i depends only on
 * (seed, i), whatever the count. Figures add up, so `jixiao validate` passes without warnings.
 * Chosen reports get planted phrases (充电桩, 琶洲, 145.92 …); `generateCorpus` also returns,
 * for each query, the reports whose text contains it as written — the ground truth of search.
 * YAML is written as text (no serializer) and reports stream from `reportEntries`, so 10,000
 * reports take well under a second and need not all be held in memory.
 */
import { mulberry32 } from '../test/helpers/random.ts';
import { DEPARTMENTS, MEASURES, OPENINGS, PLANTS, PROBLEMS, PROJECTS, REGION_IDS, REGIONS, SENTENCES } from './report-vocabulary.ts';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** The years the reports go round (YEARS by default): `[2025]` makes a new year of reports. */
  years?: readonly number[];
}
export interface GeneratedReport {
  relPath: string;
  yaml: string;
  id: string;
  year: number;
  departmentId: string;
  kind: 'department' | 'project';
  text: string;
}

export const YEARS = [2024, 2023, 2022, 2021, 2020, 2019];
const NARRATIVE_CHARS = 1400; // ~4 KB of UTF-8

/** `{ 'content/2022/dh-jyj.yaml': yamlText, … }` */
export function generateReports(opts: GenerateOptions): Record<string, string> {
  const files: Record<string, string> = {};
  for (const r of reportEntries(opts)) files[r.relPath] = r.yaml;
  return files;
}

/** The files plus, for each query, the ids of the reports containing it as written. */
export function generateCorpus(opts: GenerateOptions & { queries: readonly string[] }): { files: Record<string, string>; truth: Record<string, string[]> } {
  const files: Record<string, string> = {};
  const truth: Record<string, string[]> = Object.fromEntries(opts.queries.map((q) => [q, []]));
  for (const r of reportEntries(opts)) {
    files[r.relPath] = r.yaml;
    for (const q of opts.queries) if (r.text.includes(q)) truth[q]!.push(r.id);
  }
  return { files, truth };
}

export function* reportEntries({ count, seed, years = YEARS }: GenerateOptions): Generator<GeneratedReport> {
  for (let i = 0; i < count; i++) yield generateOne(seed, i, years);
}

function generateOne(seed: number, i: number, years: readonly number[]): GeneratedReport {
  const rand = mulberry32(hash(seed, i));
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const year = years[i % years.length]!;
  const r = Math.floor(i / years.length);
  const slot = (r % 4) + 4 * Math.floor(r / 800);
  const d = ((Math.floor(r / 4) % 200) * 37) % 200;
  const [deptKey, deptName, shortName] = DEPARTMENTS[d % 20]!;
  const region = REGIONS[Math.floor(d / 20)]!;
  const department = { id: `${REGION_IDS[Math.floor(d / 20)]}-${deptKey}`, name: `虚构市${region}${deptName}`, shortName };
  const kind = slot === 0 ? 'department' : 'project';
  const pi = slot - 1;
  const project =
    kind === 'project'
      ? { id: `${PROJECTS[(pi + d) % 12]![0]}${pi >= 12 ? `-${Math.floor(pi / 12) + 1}` : ''}`, name: PROJECTS[(pi + d) % 12]![1] }
      : undefined;
  const title = `${year}年度${department.name}${project ? `${project.name}项目支出` : '部门整体支出'}绩效自评报告`;
  const id = [year, department.id, project?.id].filter(Boolean).join('-');

  const fill = (s: string) =>
    s
      .replace(/\{dept\}/g, shortName)
      .replace(/\{year\}/g, String(year))
      .replace(/\{n\}/g, () => String(int(2, 60)))
      .replace(/\{m\}/g, () => String(int(100, 9000)))
      .replace(/\{p\}/g, () => `${int(85, 99)}.${int(0, 9)}`)
      .replace(/\{a\}/g, () => money(int(1000, 500000)))
      .replace(/\{s\}/g, () => `${int(1, 15)}.${int(0, 9)}`);
  const planted = PLANTS.filter((p, k) => hash(seed ^ 0x5eed, i * 64 + k) % p.every === 0).map((p) => fill(p.sentence));
  const tasks: string[] = [fill(pick(OPENINGS)), ...planted];
  let length = tasks.join('').length;
  while (length < NARRATIVE_CHARS) {
    const s = fill(pick(SENTENCES));
    tasks.push(s);
    length += s.length;
  }
  const paragraphs: string[] = [];
  for (let k = 0; k < tasks.length; k += 4) paragraphs.push(`${paragraphs.length + 1}. ${tasks.slice(k, k + 4).join('')}`);

  const planned = int(kind === 'department' ? 500_000 : 5_000, kind === 'department' ? 8_000_000 : 300_000); // in 0.01 万元
  const spent = planned - int(0, Math.floor(planned * 0.08));
  const rate = (Math.round((spent * 1000) / planned) / 10).toFixed(1);
  const basic = kind === 'department' ? Math.floor(spent * (0.08 + rand() * 0.2)) : 0;
  const indicators = kind === 'department' ? (d % 3 === 2 ? townForm(int, rate) : guangdongForm(int)) : nationalForm(int, rate, project!.name);
  const total = indicators.reduce((a, b) => a + b.score, 0);
  const grade = total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差';
  const finance =
    `${year}年度全年预算${money(planned)}万元，全年支出${money(spent)}万元，预算执行率${rate}%。` +
    (kind === 'department' ? `其中基本支出${money(basic)}万元，项目支出${money(spent - basic)}万元。` : `资金来源为一般公共预算财政拨款。`);
  const conclusion = `经自评，${title.replace(/绩效自评报告$/, '')}绩效自评得分${total}分，评价等级为“${grade}”。`;
  const problems = [pick(PROBLEMS), pick(PROBLEMS)]
    .filter((s, k, a) => a.indexOf(s) === k)
    .map((s, k) => `${k + 1}. ${s}`)
    .join('\n\n');
  const measures = [pick(MEASURES), pick(MEASURES)]
    .filter((s, k, a) => a.indexOf(s) === k)
    .map((s, k) => `${k + 1}. ${s}`)
    .join('\n\n');

  const y = [
    `# 虚构数据：由 bench/generate-reports.ts 生成（seed ${seed}，第 ${i} 份），仅供测试。`,
    `kind: ${kind}`,
    `year: ${year}`,
    `title: ${q(title)}`,
    'department:',
    `  id: ${department.id}`,
    `  name: ${q(department.name)}`,
    `  shortName: ${q(shortName)}`,
    `  region: ${q(`虚构市${region}`)}`,
    ...(project ? ['project:', `  id: ${project.id}`, `  name: ${q(project.name)}`] : []),
    'budget:',
    `  planned: ${cents(planned)}`,
    `  spent: ${cents(spent)}`,
    `  executionRate: ${rate}`,
    ...(kind === 'department' ? [`  basic: ${cents(basic)}`, `  project: ${cents(spent - basic)}`] : []),
    'score:',
    `  total: ${total}`,
    `  grade: ${grade}`,
    '  indicators:',
    ...indicators.flatMap((ind) => indicatorYaml(ind, 4)),
    'narrative:',
    ...block('tasks', paragraphs.join('\n\n')),
    ...block('finance', finance),
    ...block('conclusion', conclusion),
    ...block('problems', problems),
    ...block('measures', measures),
  ];
  const text = [
    title,
    department.name,
    shortName,
    project?.name ?? '',
    ...indicators.flatMap(indicatorText),
    paragraphs.join(''),
    finance,
    conclusion,
    problems,
    measures,
  ].join('\n');
  return { relPath: `content/${year}/${id.slice(5)}.yaml`, yaml: `${y.join('\n')}\n`, id, year, departmentId: department.id, kind, text };
}

interface Ind {
  name: string;
  max: number;
  score: number;
  target?: string;
  actual?: string;
  note?: string;
  children?: Ind[];
}

const leaf = (int: (a: number, b: number) => number, name: string, max: number, target?: string, actual?: string): Ind => {
  const lost = [0, 0, 0, 0.5, 1][int(0, 4)]! * (max >= 2 ? 1 : 0);
  return {
    name,
    max,
    score: max - lost,
    ...(target ? { target, actual: actual! } : {}),
    ...(lost ? { note: '个别指标完成值未达到年度目标，酌情扣分。' } : {}),
  };
};
const parent = (name: string, children: Ind[]): Ind => ({
  name,
  max: children.reduce((a, c) => a + c.max, 0),
  score: children.reduce((a, c) => a + c.score, 0),
  children,
});

function guangdongForm(int: (a: number, b: number) => number): Ind[] {
  return [
    parent('履职效能', [leaf(int, '整体效能', 25), leaf(int, '专项效能', 25)]),
    parent(
      '管理效率',
      [
        ['预算编制', 3],
        ['预算执行', 4],
        ['信息公开', 4],
        ['绩效管理', 15],
        ['采购管理', 10],
        ['资产管理', 10],
        ['运行成本', 4],
      ].map(([n, m]) => leaf(int, n as string, m as number)),
    ),
  ];
}

function townForm(int: (a: number, b: number) => number, rate: string): Ind[] {
  return [leaf(int, '预算执行情况', 20, '100%', `${rate}%`), parent('年度目标完成情况', [leaf(int, '产出目标', 40), leaf(int, '效果目标', 40)])];
}

function nationalForm(int: (a: number, b: number) => number, rate: string, project: string): Ind[] {
  const n = int(5, 80);
  return [
    leaf(int, '预算执行率', 10, '100%', `${rate}%`),
    parent('产出指标', [
      leaf(int, `${project}完成数量`, 20, `≥${n}个`, `${n + int(0, 5)}个`),
      leaf(int, '验收合格率', 15, '≥95%', `${int(95, 100)}%`),
      leaf(int, '按期完成率', 10, '100%', `${int(90, 100)}%`),
      leaf(int, '成本控制在预算内', 5, '是', '是'),
    ]),
    parent('效益指标', [leaf(int, '社会效益', 20, '有所提升', '明显提升'), leaf(int, '可持续影响', 10, '长期', '长期')]),
    parent('满意度指标', [leaf(int, '服务对象满意度', 10, '≥90%', `${int(88, 99)}%`)]),
  ];
}

function indicatorYaml(ind: Ind, pad: number): string[] {
  const s = ' '.repeat(pad);
  return [
    `${s}- name: ${q(ind.name)}`,
    `${s}  max: ${ind.max}`,
    `${s}  score: ${ind.score}`,
    ...(ind.target ? [`${s}  target: ${q(ind.target)}`, `${s}  actual: ${q(ind.actual!)}`] : []),
    ...(ind.note ? [`${s}  note: ${q(ind.note)}`] : []),
    ...(ind.children ? [`${s}  children:`, ...ind.children.flatMap((c) => indicatorYaml(c, pad + 4))] : []),
  ];
}
const indicatorText = (ind: Ind): string[] => [ind.name, ind.target ?? '', ind.actual ?? '', ind.note ?? '', ...(ind.children ?? []).flatMap(indicatorText)];

const block = (key: string, body: string) => [`  ${key}: |-`, ...body.split('\n').map((l) => (l ? `    ${l}` : ''))];
const q = (s: string) => JSON.stringify(s);
const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
/** 0.01 万元 units → "28,239.16", as reports write money in prose. */
const money = (c: number) => `${String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+$)/g, ',')}.${String(c % 100).padStart(2, '0')}`;

function hash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x165667b1, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}
