/**
 * A small synthetic corpus for site tests and screenshots: three fictitious departments
 * (names say 示例 and 虚构) over three years, a few project reports on the national form
 * (预算执行 10 + 产出 50 + 效益 30 + 满意度 10, leaves with targets and actuals), and the
 * real seed report copied in so that cross-links are exercised. Deterministic: the same
 * text every call. Returns { relative path: file text } for writeTree().
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-site.ts';

const DEPARTMENTS = [
  { id: 'shili-jyj', name: '示例市虚构区教育局', short: '虚构区教育局' },
  { id: 'shili-wjj', name: '示例市虚构区卫生健康局', short: '虚构区卫健局' },
  { id: 'shili-jtj', name: '示例市虚构区交通运输局', short: '虚构区交通局' },
] as const;
export const SYNTHETIC_YEARS = [2021, 2022, 2023] as const;

const fixed = (n: number, d = 2) => n.toFixed(d);

function departmentReport(di: number, yi: number): string {
  const d = DEPARTMENTS[di]!;
  const year = SYNTHETIC_YEARS[yi]!;
  const unit = di === 2 && yi === 0 ? '亿元' : '万元';
  const k = unit === '亿元' ? 1e-4 : 1;
  const digits = unit === '亿元' ? 4 : 2;
  const round = (n: number) => Number(n.toFixed(digits));
  const basic = round((1200 + di * 530.25 + yi * 61.5) * k);
  const project = round((5400 + di * 2210.4 + yi * 480.35) * k);
  const spent = round(basic + project);
  const planned = round(spent / (0.955 + 0.01 * yi + 0.005 * di));
  const rate = (spent / planned) * 100;
  // one report states a rate that disagrees with its figures, unacknowledged
  const stated = di === 1 && yi === 1 ? fixed(rate + 1.5, 1) : fixed(rate, 1);
  const a = [23 - di, 21 + yi];
  const b = [3, 4, 4, 14 + (yi % 2), 9.5, 9.5 - di * 0.5, 4];
  const scoreA = a[0]! + a[1]!;
  const scoreB = b.reduce((s, x) => s + x, 0);
  const total = scoreA + scoreB;
  const grade = total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差';
  const mgmt = ['预算编制', '预算执行', '信息公开', '绩效管理', '采购管理', '资产管理', '运行成本'];
  const maxB = [3, 4, 4, 15, 10, 10, 4];
  return `# 虚构示例数据，仅用于测试，不是真实报告。
kind: department
year: ${year}
title: ${year}年度${d.name}部门整体支出绩效自评报告（虚构示例）
department:
  id: ${d.id}
  name: ${d.name}
  shortName: ${d.short}
  region: 示例市虚构区
disclosure:
  indexNumber: "XG-${year}-0${di + 1}-000${yi + 7}"
  publisher: ${d.name}
  publishedDate: ${year + 1}-0${3 + di}-15
  topic: 财政预决算
budget:
  unit: ${unit}
  planned: ${fixed(planned, digits)}
  spent: ${fixed(spent, digits)}
  executionRate: ${stated}
  basic: ${fixed(basic, digits)}
  project: ${fixed(project, digits)}
  sources:
    - { name: 一般公共预算财政拨款, spent: ${fixed(spent - round(100 * k), digits)} }
    - { name: 政府性基金预算财政拨款, spent: ${fixed(100 * k, digits)} }
score:
  total: ${total}
  grade: ${grade}
  indicators:
    - name: 履职效能
      max: 50
      score: ${scoreA}
      children:
        - { name: 整体效能, max: 25, score: ${a[0]} }
        - { name: 专项效能, max: 25, score: ${a[1]}, note: 部分专项资金结转下年支出（虚构示例）。 }
    - name: 管理效率
      max: 50
      score: ${scoreB}
      children:
${mgmt.map((m, i) => `        - { name: ${m}, max: ${maxB[i]}, score: ${b[i]} }`).join('\n')}
projects:
  count: ${6 + di + yi}
  groups:
    - name: 重点专项资金项目（虚构）
      count: 2
      planned: ${fixed(800 + di * 100 + yi * 10)}
      spent: ${fixed(760 + di * 90 + yi * 10)}
      items:
        - name: 示例项目甲（虚构）
        - name: 示例项目乙（虚构）
keyEvaluations:
  - { name: 示例重点评价项目（虚构）, amount: ${300 + di * 50}, score: ${88 + yi}, grade: ${88 + yi >= 90 ? '优' : '良'} }
keyFigures:
  - { name: 示例服务人次（虚构）, value: ${12000 + di * 1000 + yi * 500}, unit: 人次, change: ${fixed(3.5 - di * 2.1 + yi, 1)} }
  - { name: 示例覆盖率（虚构）, value: ${fixed(90 + yi * 1.5, 1)}, unit: "%", change: ${fixed(-1.2 + yi, 1)} }
narrative:
  summary: 这是一份**虚构的示例报告**，用于测试网站的页面和图表。部门名称、数字均为虚构。
  problems: |-
    (一) 示例问题一（虚构）。

    (二) 示例问题二（虚构）。
  measures: (一) 示例改进措施（虚构）。
`;
}

function projectReport(di: number, yi: number, pid: string, pname: string): string {
  const d = DEPARTMENTS[di]!;
  const year = SYNTHETIC_YEARS[yi]!;
  const planned = 480 + di * 120.5;
  const spent = planned * 0.94;
  return `# 虚构示例数据，仅用于测试，不是真实报告。
kind: project
year: ${year}
title: ${year}年度${pname}项目支出绩效自评报告（虚构示例）
department:
  id: ${d.id}
  name: ${d.name}
  shortName: ${d.short}
project:
  id: ${pid}
  name: ${pname}
  code: "4401050${di}${yi}00012"
budget:
  initial: ${fixed(planned - 20)}
  planned: ${fixed(planned)}
  spent: ${fixed(spent)}
score:
  total: 86.5
  grade: 良
  indicators:
    - { name: 预算执行率, max: 10, score: 9, target: "100%", actual: "94%", note: 部分合同尾款下年支付（虚构）。 }
    - name: 产出指标
      max: 50
      score: 46
      children:
        - name: 数量指标
          max: 20
          score: 19
          children:
            - { name: 示例服务次数（虚构）, max: 10, score: 10, target: "≥1200次", actual: "1315次" }
            - { name: 示例覆盖单位数（虚构）, max: 10, score: 9, target: "≥30个", actual: "28个", note: 两个单位因故延期（虚构）。 }
        - { name: 质量指标, max: 15, score: 14, target: "合格率≥95%", actual: "96.3%" }
        - { name: 时效指标, max: 15, score: 13, target: "年底前完成", actual: "次年1月完成" }
    - name: 效益指标
      max: 30
      score: 23.5
      children:
        - { name: 社会效益, max: 20, score: 16, target: 明显提升, actual: 有所提升 }
        - { name: 可持续影响, max: 10, score: 7.5, target: 长期, actual: 中期 }
    - name: 满意度指标
      max: 10
      score: 8
      children:
        - { name: 服务对象满意度, max: 10, score: 8, target: "≥90%", actual: "85%" }
narrative:
  summary: 虚构的项目支出绩效自评示例，所有数字均为虚构。
`;
}

/** The corpus: { 'content/2023/shili-jyj.yaml': '…', … } with the seed at content/2022/haizhu-kgsxj.yaml. */
export function syntheticCorpus(): Record<string, string> {
  const out: Record<string, string> = {};
  DEPARTMENTS.forEach((d, di) =>
    SYNTHETIC_YEARS.forEach((year, yi) => {
      out[`content/${year}/${d.id}.yaml`] = departmentReport(di, yi);
    }),
  );
  out['content/2023/shili-jyj-kehou.yaml'] = projectReport(0, 2, 'kehou-fuwu', '示例课后服务补助（虚构）');
  out['content/2022/shili-jyj-kehou.yaml'] = projectReport(0, 1, 'kehou-fuwu', '示例课后服务补助（虚构）');
  out['content/2023/shili-jyj-xiaoche.yaml'] = projectReport(0, 2, 'xiaoche', '示例校车运营补贴（虚构）');
  out['content/2023/shili-wjj-yimiao.yaml'] = projectReport(1, 2, 'yimiao', '示例疫苗接种服务（虚构）');
  out['content/2022/haizhu-kgsxj.yaml'] = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');
  return out;
}
