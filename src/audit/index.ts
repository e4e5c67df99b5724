/**
 * The audit: every check on one report, then acknowledgements applied. Errors here are
 * impossible figures (a score above its max); warnings are inconsistencies in the document.
 */
import type { Finding } from '../findings.ts';
import { checkBudget } from './budget.ts';
import type { AuditContext, Rule } from './context.ts';
import { checkProjects } from './projects.ts';
import { checkScores } from './scores.ts';
import { checkIdentity } from './identity.ts';
import { checkCompleteness } from './completeness.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkMarkdown } from './markdown.ts';

export type { AuditContext } from './context.ts';

const RULES: Rule[] = [checkIdentity, checkPlaceholders, checkCompleteness, checkBudget, checkScores, checkProjects, checkMarkdown];

export function auditReport(ctx: AuditContext): Finding[] {
  const findings = RULES.flatMap((rule) => rule(ctx));
  const acks = ctx.report.acknowledgements ?? [];
  const used = new Set<number>();
  for (const f of findings) {
    if (f.severity !== 'warning') continue;
    const i = acks.findIndex((a) => a.code === f.code && (!a.field || a.field === f.field));
    if (i >= 0) { f.acknowledged = acks[i]!.reason; used.add(i); }
  }
  acks.forEach((a, i) => {
    if (!used.has(i))
      findings.push({ severity: 'warning', code: 'W_ACK_UNUSED', file: ctx.file, line: ctx.lineOf(['acknowledgements', i]), field: `acknowledgements[${i}]`,
        message: `已说明的核验提示 ${a.code}${a.field ? `（${a.field}）` : ''} 已不再出现。`, hint: '数据已改正时，删除这条说明。' });
  });
  if (ctx.report.draft)
    findings.push({ severity: 'warning', code: 'W_DRAFT', file: ctx.file, line: ctx.lineOf(['draft']), field: 'draft', message: '这是草稿（draft: true），尚未经人工核对，不会发布。', hint: '逐项核对原文后删除 draft 一行。' });
  return findings;
}
