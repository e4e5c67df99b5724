/** 信息公开 metadata: how the report was published as government information. */
import { z } from 'zod';
import { isoDate, text } from './common.ts';

export const DisclosureSchema = z
  .strictObject({
    /** 索引号 — text, so leading zeros survive; quote it if it is all digits. */
    indexNumber: text('索引号').optional(),
    /** 发布机构 */
    publisher: text('发布机构').optional(),
    /** 发布日期 YYYY-MM-DD */
    publishedDate: isoDate('发布日期').optional(),
    /** 成文日期 YYYY-MM-DD */
    writtenDate: isoDate('成文日期').optional(),
    /** 文号 */
    documentNumber: text('文号').optional(),
    /** 主题分类 */
    topic: text('主题分类').optional(),
    /** 体裁分类 */
    genre: text('体裁分类').optional(),
    /** 公开方式 (主动公开 …) */
    openness: text('公开方式').optional(),
    /** 原文网址: where the original was published. */
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .meta({ title: '原文网址' })
      .optional(),
  })
  .meta({ title: '信息公开' });
