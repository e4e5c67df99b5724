/**
 * The Atom feed (RFC 4287) of published reports, newest first. Every date comes from the data
 * (see dates.ts), so two builds of the same content give the same bytes. Entry ids are
 * name-based UUIDs of the site and the report id: stable, and valid without a site URL.
 */
import { createHash } from 'node:crypto';
import type { SiteSettings } from '../schema/index.ts';
import { KIND_LABELS } from '../schema/index.ts';
import type { LoadedReport } from '../validate/index.ts';
import { newestFirst, reportDate, rfc3339 } from './dates.ts';
import { publicUrl, siteUrl } from './urls.ts';
import { xmlEscape as x } from './xml.ts';

/** RFC 4122 version-5 UUID of `name` in the URL namespace. */
export function uuidV5(name: string): string {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const s = h.toString('hex');
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function atomFeed(reports: readonly LoadedReport[], settings: SiteSettings): string {
  const sorted = [...reports].sort(newestFirst);
  const scope = siteUrl() ?? settings.name;
  const updated = sorted.length ? rfc3339(reportDate(sorted[0]!)) : '1970-01-01T00:00:00Z';
  const entries = sorted.map((r) => {
    const rep = r.report;
    const facts = [rep.department.name, `${rep.year} 年度`, KIND_LABELS[rep.kind]];
    if (rep.score?.total !== undefined) facts.push(`自评得分 ${rep.score.total}${rep.score.grade ? `（${rep.score.grade}）` : ''}`);
    const published = rep.disclosure?.publishedDate;
    return [
      '  <entry>',
      `    <id>${uuidV5(`${scope}#report/${r.id}`)}</id>`,
      `    <title>${x(rep.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(publicUrl(`reports/${r.id}/`))}"/>`,
      `    <link rel="related" type="application/json" href="${x(publicUrl(`data/reports/${r.id}.json`))}"/>`,
      ...(published ? [`    <published>${rfc3339(published)}</published>`] : []),
      `    <updated>${rfc3339(reportDate(r))}</updated>`,
      `    <author><name>${x(rep.disclosure?.publisher ?? rep.department.name)}</name></author>`,
      `    <category term="${rep.year}" label="${rep.year} 年度"/>`,
      `    <summary>${x(facts.join('，'))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${uuidV5(`${scope}#feed`)}</id>`,
    `  <title>${x(settings.name)}</title>`,
    ...(settings.publisher ? [`  <subtitle>${x(`${settings.publisher}发布的绩效自评报告`)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${x(publicUrl('feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(publicUrl())}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${x(settings.publisher ?? settings.name)}</name></author>`,
    '  <generator>jixiao</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
