/**
 * A project report is named right wherever the site names it: its own title on its page, the
 * department and year pages, the search index, the feed and the open data; its kind in full as
 * 项目支出绩效自评报告 — never "项目支出支出绩效自评报告" (the kind label plus the suffix twice).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeTree } from '../helpers/build-site.ts';
import { syntheticCorpus } from '../helpers/synthetic.ts';

const ID = '2023-shili-jyj-kehou-fuwu';
const TITLE = '2023年度示例课后服务补助（虚构）项目支出绩效自评报告（虚构示例）';
let out: string;
const read = (rel: string) => readFileSync(join(out, rel), 'utf8');

beforeAll(() => {
  out = buildSite({ contentDir: join(writeTree(syntheticCorpus()), 'content') });
});

describe('a project report across every page type', () => {
  it('its page: the title, the kind in full, and a description that names the kind once', () => {
    const html = read(`reports/${ID}/index.html`);
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toMatch(/<dt>报告类型<\/dt><dd>项目支出绩效自评报告<\/dd>/);
    // The description may go on with the score (：自评得分 …), but names the kind once, in full.
    expect(html).toMatch(/<meta name="description" content="[^"]*示例课后服务补助（虚构）项目支出绩效自评报告[："]/);
  });

  it('the department and year pages link it by its project name', () => {
    for (const page of ['departments/shili-jyj/index.html', 'years/2023/index.html']) {
      const html = read(page);
      expect(html, page).toMatch(new RegExp(`href="/reports/${ID}/"[^>]*>[^<]*示例课后服务补助（虚构）`));
    }
  });

  it('the home page counts it among the project reports', () => {
    expect(read('index.html')).toMatch(/含项目支出报告 \d+ 份/);
  });

  it('the search index holds it under its title, filtered as 项目支出', () => {
    const dir = join(out, 'pagefind/fragment');
    const records = readdirSync(dir).map((f) => {
      const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; meta: Record<string, string>; filters: Record<string, string[]> };
    });
    const record = records.find((r) => r.url.includes(ID));
    expect(record?.meta.title).toBe(TITLE);
    expect(record?.filters.kind).toEqual(['项目支出']);
  });

  it('the feed and the open data carry the title as written', () => {
    expect(read('feed.xml')).toContain(`<title>${TITLE}</title>`);
    const index = JSON.parse(read('data/reports.json')) as { reports: { id: string; title: string; kind: string }[] };
    expect(index.reports.find((r) => r.id === ID)).toMatchObject({ title: TITLE, kind: 'project' });
    expect(JSON.parse(read(`data/reports/${ID}.json`)).report.title).toBe(TITLE);
    const row = read('data/reports.csv')
      .split('\r\n')
      .find((l) => l.startsWith(`${ID},`));
    expect(row).toContain(',项目支出,');
    expect(row).toContain(TITLE);
  });

  it('no page or file of the site doubles the kind', () => {
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => /\.(html|xml|json|csv)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(read(f), f).not.toContain('支出支出');
  });
});
