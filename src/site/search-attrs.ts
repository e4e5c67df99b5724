/**
 * The pagefind attributes of a report page, in one place, so the page template only spreads
 * them: the report's main content is the only indexed body on the site (home, year, department
 * and about pages carry none and so are never indexed), with filters for year, department, kind
 * and grade, meta for the result list and a sort key by year. Values travel in data-* attributes
 * (`key[attr]` form), so a comma or colon inside a department name cannot split a value. The
 * department filter is the stable department id (names change across years); meta carries the name.
 */
import { KIND_LABELS, type Report } from '../schema/index.ts';
import { formatNumber } from './format.ts';

export type Attrs = Record<string, string>;

/** Attributes for the element that wraps a report's main content. */
export function reportSearchAttrs(report: Pick<Report, 'year' | 'title' | 'kind' | 'department' | 'score'> & Partial<Pick<Report, 'budget'>>): Attrs {
  const grade = report.score?.grade;
  const total = report.score?.total;
  const planned = report.budget?.planned;
  // Shown in each search result: the score and the budget, as the report states them.
  const extra: Attrs = {
    ...(total !== undefined && { 'data-search-score': `${formatNumber(total)} 分` }),
    ...(planned !== undefined && { 'data-search-budget': `${formatNumber(planned)} ${report.budget?.unit ?? '万元'}` }),
  };
  const filters = ['year', 'department', 'kind', ...(grade ? ['grade'] : [])];
  return {
    'data-pagefind-body': '',
    'data-search-year': String(report.year),
    'data-search-department': report.department.id,
    'data-search-department-name': report.department.name,
    'data-search-kind': KIND_LABELS[report.kind],
    ...(grade ? { 'data-search-grade': grade } : {}),
    'data-search-title': report.title,
    ...extra,
    'data-pagefind-filter': filters.map((k) => `${k}[data-search-${k}]`).join(', '),
    'data-pagefind-meta': [
      'title[data-search-title]',
      'department[data-search-department-name]',
      'year[data-search-year]',
      'kind[data-search-kind]',
      ...(grade ? ['grade[data-search-grade]'] : []),
      ...Object.keys(extra).map((k) => `${k.slice('data-search-'.length)}[${k}]`),
    ].join(', '),
    'data-pagefind-sort': 'year[data-search-year]',
  };
}

/** For parts of a report page that repeat what is said elsewhere (chart data tables, page navigation). */
export const searchIgnore: Attrs = { 'data-pagefind-ignore': '' };
