/**
 * W_RAW_EMPHASIS: emphasis markers that the page would still show raw (`**` left unclosed or
 * closing where Markdown cannot see it). A typing problem for staff, not an inconsistency of
 * the document, so the report page does not show it (its catalogue entry is `published: false`).
 */
import type { Finding } from '../findings.ts';
import type { Indicator } from '../schema/index.ts';
import { rawEmphasis } from '../formats/markdown.ts';
import { warn, type AuditContext } from './context.ts';

export function checkMarkdown(ctx: AuditContext): Finding[] {
  const r = ctx.report;
  const texts: [PropertyKey[], string | undefined][] = [
    ...Object.entries(r.narrative ?? {}).map(([k, v]) => [['narrative', k], v] as [PropertyKey[], string | undefined]),
    ...(r.projects?.groups ?? []).map((g, i) => [['projects', 'groups', i, 'note'], g.note] as [PropertyKey[], string | undefined]),
    ...(r.keyEvaluations ?? []).map((e, i) => [['keyEvaluations', i, 'summary'], e.summary] as [PropertyKey[], string | undefined]),
  ];
  const walk = (list: Indicator[], path: PropertyKey[]) =>
    list.forEach((ind, i) => {
      texts.push([[...path, i, 'note'], ind.note]);
      if (ind.children) walk(ind.children, [...path, i, 'children']);
    });
  walk(r.score?.indicators ?? [], ['score', 'indicators']);
  return texts.flatMap(([path, text]) => {
    const raw = text ? rawEmphasis(text) : [];
    return raw.length ? [warn(ctx, 'W_RAW_EMPHASIS', path, { first: raw[0]!, count: raw.length })] : [];
  });
}
