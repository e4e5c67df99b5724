/**
 * Site settings (`site.yaml` beside `content/`): who publishes the site and the footer items a
 * Chinese government website shows. Optional as a whole; every field has a sensible default.
 */
import { z } from 'zod';
import { text } from './common.ts';

/** The signed original (PDF, OFD), Word and Excel versions, scans as images. */
export const DEFAULT_ATTACHMENT_TYPES = ['pdf', 'ofd', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'jpg', 'jpeg', 'png', 'gif', 'webp'] as const;
export const DEFAULT_ATTACHMENT_MAX_MB = 50;
export type AttachmentRules = { maxMB: number; types: string[] };

export const SiteSettingsSchema = z
  .strictObject({
    /** 站点名称, shown in the header and the title of every page. */
    name: text('站点名称').default('绩效自评报告公开'),
    /** 发布单位, e.g. 广州市海珠区财政局 */
    publisher: text('发布单位').optional(),
    /** Public URL of the site root (with the base path), for canonical links, the feed and the sitemap. */
    url: z
      .url({ protocol: /^https?$/ })
      .meta({ title: '网站地址' })
      .optional(),
    /** Base path when served from a subdirectory, e.g. /xxgk/jxzp/ (the --base option wins). */
    base: z
      .stringFormat('base', /^\/([A-Za-z0-9._~-]+\/)*$/)
      .meta({ title: '子目录' })
      .optional(),
    /** 网站图标: an .ico, .png or .svg file, relative to site.yaml; default a plain blue square with 绩. */
    favicon: z
      .stringFormat('favicon', /\.(ico|png|svg)$/i)
      .meta({ title: '网站图标' })
      .optional(),
    footer: z
      .strictObject({
        /** 主办单位 */
        sponsor: text('主办单位').optional(),
        /** 承办单位 */
        organizer: text('承办单位').optional(),
        /** 网站标识码 */
        siteCode: text('网站标识码').optional(),
        /** ICP备案号, e.g. 粤ICP备xxxxxxxx号 */
        icp: text('ICP备案号').optional(),
        /** 公安机关备案号, e.g. 粤公网安备 xxxxxxxxxxxxxx号 */
        police: text('公安机关备案号').optional(),
        /** 联系方式 (电话、邮箱或地址) */
        contact: text('联系方式').optional(),
      })
      .meta({ title: '页脚' })
      .optional(),
    /**
     * 应公开部门: for each year, the departments expected to publish a 部门整体支出 report, by their
     * names as the reports state them. The year page names those without one; the home page counts them.
     */
    expected: z
      .array(
        z.strictObject({
          /** 年度 */
          year: z.int().min(1990).max(2100).meta({ title: '年度' }),
          /** 部门名称，按报告所写 */
          departments: z.array(text('部门名称')).min(1).meta({ title: '应公开的部门' }),
        }),
      )
      .min(1)
      .meta({ title: '应公开部门' })
      .optional(),
    /** What may be published as an attachment: size cap and accepted file types. */
    attachments: z
      .strictObject({
        /** 单个附件大小上限（MB） */
        maxMB: z.number().positive().max(2048).meta({ title: '附件大小上限（MB）' }).default(DEFAULT_ATTACHMENT_MAX_MB),
        /** 接受的文件类型（扩展名，不带点） */
        types: z
          .array(z.string().regex(/^[a-z0-9]{1,8}$/, { message: 'ext' }))
          .min(1)
          .meta({ title: '接受的附件类型' })
          .default([...DEFAULT_ATTACHMENT_TYPES]),
      })
      .meta({ title: '附件' })
      .default({ maxMB: DEFAULT_ATTACHMENT_MAX_MB, types: [...DEFAULT_ATTACHMENT_TYPES] }),
  })
  .meta({ title: '网站设置' });

export type SiteSettings = z.output<typeof SiteSettingsSchema>;
