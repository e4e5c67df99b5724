/**
 * A content folder for the publishing tests: the shipped seed report plus a synthetic 示例
 * project report whose text is chosen to stress CSV quoting, formula safety, precision and
 * provenance (a Chinese-named attachment), and a site.yaml with a site URL and footer items.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, writeTree } from '../helpers/build-site.ts';

/** The attachment's bytes: a stand-in for the signed original (not a real PDF). */
export const ATTACHMENT = Buffer.from('%PDF-1.4\n% 示例附件，仅用于测试\n%%EOF\n', 'utf8');

export const EXAMPLE_REPORT = `kind: project
year: 2023
title: 2023年度示例区虚构局“示例,项目”支出绩效自评表
department:
  id: shili-xugou
  name: 示例区虚构局
project:
  id: weituo
  name: 委托业务项目（示例）
disclosure:
  publishedDate: 2024-03-15
budget:
  planned: 100.00
  spent: 97.5
  executionRate: 97.50
score:
  total: 88.5
  grade: 良
  indicators:
    - name: 产出指标
      max: 50
      score: 45.0
      children:
        - name: =HYPERLINK("http://example.invalid","点击")
          max: 20
          score: 18
          target: "≥95%"
          actual: -2.5
          note: |-
            第一行，有逗号, 和"引号"
            第二行
        - name: "@SUM(A1:A2)"
          max: 30
          score: 27
          target: "+86 20 1234"
          actual: "-5%"
          note: "-1+2"
attachments:
  - title: 盖章原件（扫描件）
    file: 示例原件.pdf
`;

export const SITE_YAML = `name: 示例绩效公开
publisher: 示例区财政局
url: https://www.example.gov.cn/xxgk/jxzp/
base: /xxgk/jxzp/
footer:
  sponsor: 示例区财政局
  organizer: 示例区政务服务数据管理局
  siteCode: "4401050001"
  icp: 粤ICP备00000000号
  police: 粤公网安备 44010502000000号
  contact: 020-00000000
`;

/** { dir, content, config } of a fresh fixture. */
export function publishFixture(): { dir: string; content: string; config: string } {
  const dir = writeTree({
    'content/2022/haizhu-kgsxj.yaml': readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml')),
    'content/2023/shili-xugou-weituo.yaml': EXAMPLE_REPORT,
    'content/2023/示例原件.pdf': ATTACHMENT,
    'site.yaml': SITE_YAML,
  });
  return { dir, content: join(dir, 'content'), config: join(dir, 'site.yaml') };
}
