/**
 * Page furniture: what a CMS, a PDF or Word puts around the report and what a template
 * leaves behind — breadcrumbs, view counters, print and share links, page numbers, document
 * properties, unfilled instructions. Such lines are dropped; template instructions are
 * reported, since a person should know the source still has them.
 */
import { fold } from './normalize.ts';

const FURNITURE: RegExp[] = [
  /^(?:当前位置|您的位置|您现在的位置|位置)\s*[:：]/,
  /^(?:首页|网站首页|主页)\s*(?:[>＞»›/]|&gt;)/,
  /(?:[>＞»›]|&gt;)\s*(?:正文|详情|信息公开|政务公开)\s*$/,
  /(?:浏览次数|访问次数|阅读次数|点击数|点击量|浏览量|访问量)\s*[:：]?\s*\d*/,
  /^(?:[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|加入收藏|分享到?|扫一扫|我要纠错)\s*[】\]]?\s*)+$/,
  /(?:打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|扫一扫在手机)/,
  /^【?\s*字体\s*[:：]?\s*[大中小]/,
  // A government site's controls: "无障碍浏览 打开适老化模式 x 注册 登录".
  /^(?:(?:无障碍(?:浏览|阅读)?|(?:打开|关闭|进入|退出)?(?:适老化|长者)(?:模式|版)?|注册|登录|退出|简体|繁体|繁體|[x×])\s*)+$/i,
  /^(?:上一篇|下一篇|相关链接|相关文章|相关阅读|网站地图|联系我们|版权所有|主办单位|承办单位|网站标识码|ICP备|粤ICP|京ICP)/,
  /(?:ICP备\d|公网安备|网站标识码)/,
  /^-\s*\d+\s*-$/,
  /^第\s*\d+\s*页\s*[,，]?\s*(?:共\s*\d+\s*页)?$/,
  /^\d+\s*\/\s*\d+$/,
  /^(?:Page|页码)\s*\d+/i,
  /^(?:作者|创建者|修改者|最后修改者|创建时间|修改时间|最后打印|编辑时间|字数|页数|模板|公司|文档属性)\s*[:：]/,
  /^(?:分享|微信|微博|QQ空间)(?:\s|$)/,
];

const INSTRUCTION: RegExp[] = [
  /^[（(]?\s*(?:填写说明|填表说明|填报说明|说明：请|注：请|备注：请)/,
  /请(?:根据|按照|据实|如实)?\s*(?:填写|填列|填报|删除|补充|在此)/,
  /(?:此处|本栏|本表)(?:填写|填列|请)/,
  /^[（(]\s*(?:\d+|[一二三四五六七八九十]+)?\s*(?:字以内|不超过\s*\d+\s*字)/,
  /[×X]{2,}(?:年|部门|单位|项目|万元)/,
];

/** `kept[i]` is the index in the input of `lines[i]`, so that a line number can be given as in the source. */
export interface Cleaned {
  lines: string[];
  instructions: string[];
  kept: number[];
}

export function dropFurniture(lines: readonly string[]): Cleaned {
  const out: string[] = [];
  const instructions: string[] = [];
  const kept: number[] = [];
  for (const [i, line] of lines.entries()) {
    const f = fold(line).trim();
    if (f && f.length <= 80 && FURNITURE.some((re) => re.test(f))) continue;
    if (f && f.length <= 160 && !f.startsWith('|') && INSTRUCTION.some((re) => re.test(f))) {
      instructions.push(line.trim());
      continue;
    }
    out.push(line);
    kept.push(i);
  }
  return { lines: out, instructions, kept };
}

/** A table cell that only holds a template instruction. */
export const isInstructionCell = (cell: string) => INSTRUCTION.some((re) => re.test(fold(cell)));
