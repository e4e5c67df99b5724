/**
 * The narrative by its headings: 部门概况 → functions, 年度总体工作 → tasks, 收支情况 → finance,
 * … 改进措施 → measures. A heading that names no section keeps the text in the section of the
 * heading above it (and stays in the text); a matching heading at any level starts a section.
 * Paragraphs become Markdown paragraphs; tables stay out of the narrative.
 */
import type { Block } from './blocks.ts';
import { fold } from './normalize.ts';

export type NarrativeKey =
  'summary' | 'functions' | 'tasks' | 'finance' | 'management' | 'conclusion' | 'goals' | 'projects' | 'achievements' | 'problems' | 'measures';

const KEYS: [NarrativeKey, RegExp][] = [
  ['problems', /问题|不足/],
  ['measures', /改进|措施|建议|下一步|整改/],
  ['conclusion', /自评结论|结论|综述|总体评价|自评结果|评价结果/],
  ['goals', /目标.*(?:完成|实现)|指标完成|绩效指标|^(?:年度)?(?:总体)?(?:绩效)?目标$/],
  ['projects', /项目支出.*(?:完成|情况)|重点任务项目|重点项目/],
  ['achievements', /成效|成果|效益|亮点/],
  ['management', /绩效管理/],
  ['finance', /收支|预算.*情况|资金.*情况|支出情况|预算执行|资金使用|资金投入/],
  ['tasks', /工作任务|重点工作|总体工作|年度工作|主要工作/],
  ['summary', /项目概况|项目基本情况|项目简介|概述|摘要/],
  ['functions', /概况|基本情况|职责|职能|机构设置|人员情况/],
];

export const sectionOf = (heading: string): NarrativeKey | undefined => {
  const f = fold(heading).replace(/^[\s\d一二三四五六七八九十、.()#*①-⑩]+/, '');
  return KEYS.find(([, re]) => re.test(f))?.[0];
};

export function findNarrative(blocks: readonly Block[], skip: ReadonlySet<Block>): Partial<Record<NarrativeKey, string>> {
  const parts = new Map<NarrativeKey, string[]>();
  const stack: { level: number; key: NarrativeKey | undefined }[] = [];
  const current = () => stack.at(-1)?.key;
  for (const b of blocks) {
    if (skip.has(b) || b.kind === 'table') continue;
    if (b.kind === 'heading') {
      while (stack.length && stack.at(-1)!.level >= b.level) stack.pop();
      const key = sectionOf(b.text);
      const inherited = current();
      if (key && key !== inherited) {
        stack.push({ level: b.level, key });
        continue;
      }
      stack.push({ level: b.level, key: inherited });
      if (inherited && !key) push(parts, inherited, b.text);
      continue;
    }
    // "改进措施：……" or "（二）改进措施：……" names its own section.
    const label = /^(?:[(（][一二三四五六七八九十]{1,3}[)）]\s*)?([\u4e00-\u9fa5]{2,8})\s*[:：]/.exec(b.text);
    const key = (label ? sectionOf(label[1]!) : undefined) ?? current();
    if (key) for (const p of splitEnumerations(b.text)) push(parts, key, p);
  }
  const out: Partial<Record<NarrativeKey, string>> = {};
  for (const [k, v] of parts) {
    const text = v.join('\n\n').trim();
    if (text) out[k] = text;
  }
  return out;
}

function push(parts: Map<NarrativeKey, string[]>, key: NarrativeKey, text: string) {
  (parts.get(key) ?? parts.set(key, []).get(key)!).push(text);
}

/** "(一) 问题甲。(二) 问题乙。" → one paragraph each. */
function splitEnumerations(text: string): string[] {
  return text
    .split(/(?<=[。；;])\s*(?=[(（][一二三四五六七八九十]{1,3}[)）])/)
    .map((s) => s.trim())
    .filter(Boolean);
}
