/**
 * A district-sized test site: eleven fictitious departments (虚构) over five years, the kind of
 * content the year, department and project comparisons exist for. Deterministic (a seeded
 * generator), so tests can pin figures. It holds what real districts publish: missing figures,
 * a stated rate that disagrees with the figures, a department in 元 and one that changes unit, grades from 优 to 差, a
 * department that appears in some years only, and project reports whose project id stays the
 * same across years (one of them renamed). Returns { relative path: file text } for writeTree().
 */

import { randomFor } from './random.ts';

export const MANY_YEARS = [2019, 2020, 2021, 2022, 2023] as const;

interface Dept {
  id: string;
  name: string;
  short: string;
  years?: readonly number[];
}

export const MANY_DEPARTMENTS: readonly Dept[] = [
  { id: 'xugou-jyj', name: '示例市虚构区教育局', short: '虚构区教育局' },
  { id: 'xugou-wjj', name: '示例市虚构区卫生健康局', short: '虚构区卫健局' },
  { id: 'xugou-jtj', name: '示例市虚构区交通运输局', short: '虚构区交通局' },
  { id: 'xugou-mzj', name: '示例市虚构区民政局', short: '虚构区民政局', years: [2019, 2021, 2022, 2023] },
  { id: 'xugou-wgly', name: '示例市虚构区文化广电旅游体育局', short: '虚构区文广旅体局' },
  { id: 'xugou-cgj', name: '示例市虚构区城市管理和综合执法局', short: '虚构区城管局' },
  { id: 'xugou-zjj', name: '示例市虚构区住房和城乡建设局', short: '虚构区住建局' },
  { id: 'xugou-nyj', name: '示例市虚构区农业农村局', short: '虚构区农业农村局' },
  { id: 'xugou-kgxj', name: '示例市虚构区科技工业和信息化局', short: '虚构区科工信局' },
  { id: 'xugou-sthj', name: '示例市虚构区生态环境分局', short: '虚构区生态环境分局' },
  { id: 'xugou-yjj', name: '示例市虚构区应急管理局', short: '虚构区应急局', years: [2021, 2022, 2023] },
];

/** Project reports: department, project id, name per year (a rename keeps the id), years. */
export const MANY_PROJECTS = [
  {
    dept: 'xugou-jyj',
    id: 'kehou-fuwu',
    names: { 2022: '示例课后服务补助（虚构）', 2023: '示例课后延时服务补助（虚构）' } as Record<number, string>,
    years: [2021, 2022, 2023],
  },
  { dept: 'xugou-jyj', id: 'xiaoche', names: {}, years: [2023] },
  { dept: 'xugou-wjj', id: 'yimiao', names: {}, years: [2022, 2023] },
  { dept: 'xugou-jtj', id: 'gongjiao', names: {}, years: [2019, 2020, 2021, 2022, 2023] },
  { dept: 'xugou-nyj', id: 'gaobiaozhun', names: {}, years: [2022, 2023] },
] as const;

const DEFAULT_PROJECT_NAMES: Record<string, string> = {
  'kehou-fuwu': '示例课后服务补助（虚构）',
  xiaoche: '示例校车运营补贴（虚构）',
  yimiao: '示例疫苗接种服务（虚构）',
  gongjiao: '示例公交运营补贴（虚构）',
  gaobiaozhun: '示例高标准农田建设（虚构）',
};

export const projectName = (id: string, year: number) =>
  (MANY_PROJECTS.find((p) => p.id === id)?.names as Record<number, string> | undefined)?.[year] ?? DEFAULT_PROJECT_NAMES[id]!;

const gradeOf = (total: number) => (total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差');
const f2 = (n: number) => n.toFixed(2);

/** Points lost per sub-indicator, spread so the totals range from 差 to 优 across the site. */
function indicators(rnd: () => number, weak: number) {
  const subs = [
    [
      '履职效能',
      [
        ['整体效能', 25],
        ['专项效能', 25],
      ],
    ],
    [
      '管理效率',
      [
        ['预算编制', 5],
        ['预算执行', 10],
        ['信息公开', 5],
        ['绩效管理', 15],
        ['采购管理', 5],
        ['资产管理', 5],
        ['运行成本', 5],
      ],
    ],
  ] as const;
  return subs.map(([name, children]) => {
    const kids = children.map(([n, max]) => {
      const lost = Math.min(max, Math.round(rnd() * max * weak * 2) / 2);
      return { name: n, max, score: max - lost, note: lost > 0 ? `${n}方面存在不足，扣 ${lost} 分（虚构示例）。` : undefined };
    });
    return { name, max: children.reduce((s, [, m]) => s + m, 0), score: kids.reduce((s, k) => s + k.score, 0), children: kids };
  });
}

/** What a published report must say when the original leaves a figure out (checked since staff's completeness rule). */
const notStated = (budget: boolean, score: boolean) =>
  budget || score
    ? `notStated:\n${budget ? '  budget: 原报告未公开实际支出（虚构示例）\n' : ''}${score ? '  score: 原报告未给出自评得分（虚构示例）\n' : ''}`
    : '';

function departmentReport(d: Dept, di: number, year: number): string {
  const rnd = randomFor(`${d.id}-${year}`);
  const yi = year - MANY_YEARS[0];
  // Weak departments lose more points; 城管局 slips to 差 in 2020, 交通局 improves year on year.
  const weak = d.id === 'xugou-cgj' && year === 2020 ? 0.95 : d.id === 'xugou-jtj' ? 0.5 - yi * 0.1 : 0.08 + (di % 4) * 0.07;
  const inds = indicators(rnd, weak);
  const total = inds.reduce((s, i) => s + i.score, 0);
  // 生态环境分局 changes unit for one year; 应急管理局 reports in 元 every year, as some real ones do.
  const yuan = (d.id === 'xugou-sthj' && year === 2021) || d.id === 'xugou-yjj';
  const k = yuan ? 1e4 : 1;
  const planned = Math.round((3000 + di * 2350 + yi * 310 + rnd() * 900) * 100) / 100;
  const rate = d.id === 'xugou-zjj' ? 0.62 + yi * 0.05 : 0.86 + rnd() * 0.14;
  const spent = Math.round(planned * rate * 100) / 100;
  const basic = Math.round(spent * 0.22 * 100) / 100;
  const project = Math.round((spent - basic) * 100) / 100;
  const missingSpent = d.id === 'xugou-nyj' && year === 2020;
  const missingScore = d.id === 'xugou-mzj' && year === 2019;
  const missingGrade = d.id === 'xugou-wgly' && year === 2021;
  // 卫健局 2022 states a rate 2 points above its figures: a W_RATE_MISMATCH warning.
  const stated = (spent / planned) * 100 + (d.id === 'xugou-wjj' && year === 2022 ? 2 : 0);
  const projects = MANY_PROJECTS.filter((p) => p.dept === d.id && (p.years as readonly number[]).includes(year));
  const items = [
    ...projects.map((p, i) => ({ name: projectName(p.id, year), planned: 400 + i * 150 + yi * 20 })),
    { name: `示例${d.short.replace('虚构区', '')}日常运转保障（虚构）`, planned: 300 + di * 10 },
  ];
  const money = (n: number) => (yuan ? (n * k).toFixed(0) : f2(n));
  return `# 虚构示例数据，仅用于测试，不是真实报告。
kind: department
year: ${year}
title: ${year}年度${d.name}部门整体支出绩效自评报告（虚构示例）
department: { id: ${d.id}, name: ${d.name}, shortName: ${d.short}, region: 示例市虚构区 }
disclosure: { publisher: ${d.name}, publishedDate: ${year + 1}-0${3 + (di % 6)}-1${di % 10} }
budget:
  unit: ${yuan ? '元' : '万元'}
  planned: ${money(planned)}
${missingSpent ? '' : `  spent: ${money(spent)}\n`}${missingSpent ? '' : `  executionRate: ${stated.toFixed(1)}\n`}  basic: ${money(basic)}
  project: ${money(project)}
${
  missingScore
    ? ''
    : `score:
  total: ${total}
${missingGrade ? '' : `  grade: ${gradeOf(total)}\n`}  indicators:
${inds
  .map(
    (i) => `    - name: ${i.name}
      max: ${i.max}
      score: ${i.score}
      children:
${i.children.map((c) => `        - { name: ${c.name}, max: ${c.max}, score: ${c.score}${c.note ? `, note: ${c.note}` : ''} }`).join('\n')}`,
  )
  .join('\n')}
`
}projects:
  count: ${items.length + 3}
  groups:
    - name: 重点项目（虚构）
      count: ${items.length}
      items:
${items.map((it) => `        - { name: ${it.name}, planned: ${f2(it.planned)}, spent: ${f2(it.planned * 0.93)} }`).join('\n')}
narrative:
  summary: 这是一份**虚构的示例报告**，用于测试网站的比较页面。部门名称、数字均为虚构。
${notStated(missingSpent, missingScore)}`;
}

function projectReport(dept: Dept, di: number, pid: string, year: number): string {
  const rnd = randomFor(`${dept.id}-${pid}-${year}`);
  const yi = year - MANY_YEARS[0];
  const planned = Math.round((400 + di * 37 + yi * 25) * 100) / 100;
  // 农业农村局's project states no spending in 2022: a missing figure in a project report.
  const missingSpent = pid === 'gaobiaozhun' && year === 2022;
  const spent = Math.round(planned * (0.8 + rnd() * 0.2) * 100) / 100;
  const out = [10, 50, 30, 10].map((max) => Math.max(0, max - Math.round(rnd() * max * 0.3)));
  const total = out.reduce((s, x) => s + x, 0);
  const name = projectName(pid, year);
  return `# 虚构示例数据，仅用于测试，不是真实报告。
kind: project
year: ${year}
title: ${year}年度${name}项目支出绩效自评报告（虚构示例）
department: { id: ${dept.id}, name: ${dept.name}, shortName: ${dept.short} }
project: { id: ${pid}, name: ${name} }
budget:
  planned: ${f2(planned)}
${missingSpent ? '' : `  spent: ${f2(spent)}\n`}score:
  total: ${total}
  grade: ${gradeOf(total)}
  indicators:
    - { name: 预算执行率, max: 10, score: ${out[0]} }
    - { name: 产出指标, max: 50, score: ${out[1]} }
    - { name: 效益指标, max: 30, score: ${out[2]} }
    - { name: 满意度指标, max: 10, score: ${out[3]} }
${notStated(missingSpent, false)}`;
}

/** The corpus: { 'content/2023/xugou-jyj.yaml': '…', … }. */
export function manyDepartmentsCorpus(): Record<string, string> {
  const out: Record<string, string> = {};
  MANY_DEPARTMENTS.forEach((d, di) => {
    for (const year of d.years ?? MANY_YEARS) out[`content/${year}/${d.id}.yaml`] = departmentReport(d, di, year);
  });
  for (const p of MANY_PROJECTS) {
    const di = MANY_DEPARTMENTS.findIndex((d) => d.id === p.dept);
    for (const year of p.years) out[`content/${year}/${p.dept}-${p.id}.yaml`] = projectReport(MANY_DEPARTMENTS[di]!, di, p.id, year);
  }
  return out;
}

/** A department site.yaml expects every year that never publishes (虚构). */
export const NEVER_PUBLISHES = '示例市虚构区统计局';

/**
 * The district's site.yaml: every department expected every year (民政局 too in 2020, when it
 * published none; 应急管理局 only from 2021, when it was set up), and 统计局, which never publishes.
 */
export function manyDepartmentsSettings(): string {
  const lines = MANY_YEARS.map((year) => {
    const names = [...MANY_DEPARTMENTS.filter((d) => d.id !== 'xugou-yjj' || year >= 2021).map((d) => d.name), NEVER_PUBLISHES];
    return `  - year: ${year}\n    departments:\n${names.map((n) => `      - ${n}`).join('\n')}`;
  });
  return `# 虚构示例网站设置，仅用于测试。\nname: 示例市虚构区绩效自评报告公开\nexpected:\n${lines.join('\n')}\n`;
}
