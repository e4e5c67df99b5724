// The pagefind attributes of a report page, and how the search page turns a query into the
// phrase form that keeps Chinese characters together.
import { describe, expect, it } from 'vitest';
import { normalizeQuery, phraseQuery } from '../src/client/search-engine.ts';
import { reportSearchAttrs } from '../src/site/search-attrs.ts';

describe('reportSearchAttrs', () => {
  const report = {
    year: 2022,
    title: '2022年度示例区某局部门整体支出绩效自评报告',
    kind: 'department' as const,
    department: { id: 'sl-mj', name: '示例区某局，含下属单位' },
    score: { max: 100, grade: '优' as const },
  };

  it('marks the body and carries filters, meta and sort in attributes, so commas in names stay whole', () => {
    const a = reportSearchAttrs(report);
    expect(a['data-pagefind-body']).toBe('');
    expect(a['data-pagefind-filter']).toBe('year[data-search-year], department[data-search-department], kind[data-search-kind], grade[data-search-grade]');
    expect(a['data-search-department']).toBe('sl-mj');
    expect(a['data-search-department-name']).toBe('示例区某局，含下属单位');
    expect(a['data-search-kind']).toBe('部门整体');
    expect(a['data-pagefind-sort']).toBe('year[data-search-year]');
  });

  it('leaves the grade filter out when the report states no grade', () => {
    const a = reportSearchAttrs({ ...report, kind: 'project', score: undefined });
    expect(a['data-pagefind-filter']).not.toContain('grade');
    expect(a['data-search-kind']).toBe('项目支出');
  });
});

describe('the query forms', () => {
  it('turns full-width figures half-width and collapses spaces', () => {
    expect(normalizeQuery(' ９８．０％　 预算 ')).toBe('98.0% 预算');
  });

  it('quotes each term with Chinese in it, and leaves figure-only queries alone', () => {
    expect(phraseQuery('算力')).toBe('"算力"');
    expect(phraseQuery('充电桩 2022')).toBe('"充电桩" 2022');
    expect(phraseQuery('145.92')).toBeUndefined();
  });
});
