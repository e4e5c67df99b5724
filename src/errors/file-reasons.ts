/**
 * Why a file operation failed, in Chinese, for the terminal's messages (never the English of an
 * error code such as ENOTDIR, which a clerk cannot act on). A full disk, a quota, a read-only disk
 * are recognised from a Node error code or from the text of an error raised elsewhere (pagefind
 * says "os error 28"): everyday conditions on a server, not jixiao bugs, so no stack trace.
 */
const DISK_REASONS: [RegExp, string][] = [
  [/\bENOSPC\b|No space left on device|os error 28\b/i, '磁盘空间已满'],
  [/\bEDQUOT\b|Disk quota exceeded|os error 122\b/i, '超出了磁盘配额'],
  [/\bEROFS\b|Read-only file system|os error 30\b/i, '磁盘是只读的'],
  [/\bEACCES\b|\bEPERM\b|Permission denied|os error 13\b/i, '没有写入权限'],
  [/\bEMFILE\b|\bENFILE\b|Too many open files/i, '同时打开的文件过多'],
];

/** Why a write failed, when the error is about the disk; undefined otherwise. */
export function diskReason(err: unknown): string | undefined {
  const e = err as { code?: unknown; message?: unknown } | null;
  const text = `${typeof e?.code === 'string' ? e.code : ''} ${typeof e?.message === 'string' ? e.message : String(err)}`;
  return DISK_REASONS.find(([re]) => re.test(text))?.[1];
}

const FILE_REASONS: Record<string, string> = {
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EISDIR: '这是一个文件夹',
  ELOOP: '路径中有符号链接',
  ENAMETOOLONG: '文件名或路径太长',
  EEXIST: '同名的文件或文件夹已存在',
  ENOENT: '路径中的文件夹不存在',
  EINVAL: '文件名中有系统不允许的字符',
};

/** Why a file operation failed (its code named only when there is no Chinese word for it). */
export function fileErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return (code && Object.hasOwn(FILE_REASONS, code) ? FILE_REASONS[code] : undefined) ?? diskReason(err) ?? systemError(code);
}

/** An error with no Chinese word for it: its code. */
export const systemError = (code: string | undefined) => `系统错误 ${code ?? '（未知）'}`;

/** Why the output's parent folder cannot be written (src/output/atomic.ts). */
export const notWritable = (err: unknown) => (diskReason(err) ? '没有写入权限或磁盘已满' : fileErrorReason(err));
