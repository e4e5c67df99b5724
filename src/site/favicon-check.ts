/**
 * The site icon a site.yaml names is published on the site's own origin, so an SVG icon holding a
 * <script> (or an event handler, a javascript: link, an embedded page) would run as the site when
 * opened (issue 28.9). Sanitising SVG is a parser's job and easy to get wrong; an icon has no
 * need for any of it, so such an SVG is refused with what it holds. A .png or .ico is checked by
 * its bytes. Checked when site.yaml is loaded and again on the bytes the build publishes.
 */
import { readBounded } from '../validate/safe-read.ts';

/** An icon is a few KB; anything past this is not one. */
export const MAX_FAVICON_BYTES = 1024 * 1024;

const ACTIVE: [RegExp, string][] = [
  [/<script\b/i, '<script> 脚本'],
  [/\son[a-z]+\s*=/i, '事件属性（on…=）'],
  [/javascript\s*:/i, 'javascript: 链接'],
  [/<(?:foreignObject|iframe|embed|object|handler|listener)\b/i, '嵌入的网页或对象'],
  [/<(?:set|animate[a-z]*)\b/i, '动画（可改写链接）'],
  [/<!(?:DOCTYPE|ENTITY)\b/i, 'DOCTYPE 或实体声明'],
  [/(?:href|src)\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg|gif|webp);)/i, '指向其他文件或网站的链接'],
  [/@import|url\(\s*["']?\s*(?!#)/i, '样式中引用的其他文件'],
];

/** Why the icon's bytes cannot be published, or undefined. */
export function faviconProblem(ext: string, bytes: Buffer): string | undefined {
  if (ext === '.png') return bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) ? undefined : '内容不是 PNG 图像';
  if (ext === '.ico') return bytes.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0])) ? undefined : '内容不是 ICO 图标';
  const text = bytes.toString('utf8');
  if (!/<svg\b/i.test(text)) return '内容不是 SVG 图像';
  const hit = ACTIVE.find(([re]) => re.test(text));
  return hit ? `SVG 中含有${hit[1]}，图标不需要，发布后可能在本网站上运行` : undefined;
}

/** The icon's bytes, read through the content reader and checked; a reason when it cannot be published. */
export async function readFavicon(path: string, ext: string): Promise<{ bytes: Buffer } | { problem: string }> {
  const read = await readBounded(path, { max: MAX_FAVICON_BYTES });
  if (!read.ok) {
    const r = read.refusal;
    return {
      problem:
        r.kind === 'read'
          ? r.reason
          : r.kind === 'too-large'
            ? `超过 ${MAX_FAVICON_BYTES / 1024} KB，不像一个图标`
            : r.kind === 'not-regular'
              ? `不是普通文件，而是${r.what}`
              : '无法读取',
    };
  }
  const problem = faviconProblem(ext, read.bytes);
  return problem ? { problem } : { bytes: read.bytes };
}
