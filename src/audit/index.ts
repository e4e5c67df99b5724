/**
 * The audit: every check on one report, then acknowledgements applied. Errors here are
 * impossible figures (a score above its max); warnings are inconsistencies in the document.
 */
import { finding, type Finding } from '../findings.ts';
import { checkBudget } from './budget.ts';
import type { AuditContext, Rule } from './context.ts';
import { checkProjects } from './projects.ts';
import { checkScores } from './scores.ts';
import { checkIdentity } from './identity.ts';
import { checkCompleteness } from './completeness.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkMarkdown } from './markdown.ts';
import { checkChecked } from './checked.ts';

export type { AuditContext } from './context.ts';

const RULES: Rule[] = [checkIdentity, checkPlaceholders, checkCompleteness, checkBudget, checkScores, checkProjects, checkMarkdown, checkChecked];

export function auditReport(ctx: AuditContext): Finding[] {
  const findings = RULES.flatMap((rule) => rule(ctx));
  const acks = ctx.report.acknowledgements ?? [];
  const used = new Set<number>();
  for (const f of findings) {
    if (f.severity !== 'warning') continue;
    const i = acks.findIndex((a) => a.code === f.code && (!a.field || a.field === f.field));
    if (i >= 0) {
      f.acknowledged = acks[i]!.reason;
      used.add(i);
    }
  }
  acks.forEach((a, i) => {
    if (!used.has(i))
      findings.push(
        finding(
          'W_ACK_UNUSED',
          { file: ctx.file, line: ctx.lineOf(['acknowledgements', i]), field: `acknowledgements[${i}]` },
          { code: a.code, field: a.field },
        ),
      );
  });
  if (ctx.report.draft) findings.push(finding('W_DRAFT', { file: ctx.file, line: ctx.lineOf(['draft']), field: 'draft' }));
  return findings;
}
