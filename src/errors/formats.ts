/**
 * Messages for a text field in the wrong form, by the name of its zod string format
 * (`z.stringFormat('slug', …)` in src/schema/common.ts): the schema names the format, this
 * table says it in Chinese. Part of the error catalogue (E_FORMAT).
 */
export const FORMAT_MESSAGES = {
  slug: {
    message: (name: string, actual: string) => `${name} 只能用小写字母、数字和连字符，实际是${actual}。`,
    hint: '例如 haizhu-kgsxj（部门名称拼音缩写）；它出现在网址中，各年度保持不变。',
  },
  date: { message: (name: string, actual: string) => `${name} 不是有效日期：${actual}。`, hint: '写作 YYYY-MM-DD，如 2023-06-30。' },
  relpath: {
    message: (name: string, actual: string) => `${name} 应是相对于报告文件的路径，实际是${actual}。`,
    hint: '把附件放在报告文件旁边，只写文件名。',
  },
  base: {
    message: (name: string, actual: string) => `${name} 应是以斜杠开头和结尾的路径，实际是${actual}。`,
    hint: '例如 /xxgk/jxzp/；放在网站根目录时删除这一项。',
  },
  'warning-code': {
    message: (name: string, actual: string) => `${name} 应是核验提示代码（如 W_RATE_MISMATCH），实际是${actual}。`,
    hint: '运行 npx jixiao validate 查看提示代码。',
  },
  url: {
    message: (name: string, actual: string) => `${name} 应是以 http:// 或 https:// 开头的完整网址，实际是${actual}。`,
    hint: '例如 https://www.example.gov.cn/xxgk/jxzp/。',
  },
  other: { message: (name: string, actual: string) => `${name} 格式不正确：${actual}。`, hint: undefined },
} as const satisfies Record<string, { message: (name: string, actual: string) => string; hint: string | undefined }>;

export type FormatName = keyof typeof FORMAT_MESSAGES;

export const isFormatName = (s: string): s is FormatName => Object.hasOwn(FORMAT_MESSAGES, s);
