/**
 * Disk conditions (full disk, quota, read-only, no permission) as one Chinese sentence, from a
 * Node error code or from the text of an error raised elsewhere (pagefind says "os error 28").
 * A full disk is an everyday condition on a server, not a jixiao bug: no stack trace for it.
 */
const REASONS: [RegExp, string][] = [
  [/\bENOSPC\b|No space left on device|os error 28\b/i, '磁盘空间已满'],
  [/\bEDQUOT\b|Disk quota exceeded|os error 122\b/i, '超出了磁盘配额'],
  [/\bEROFS\b|Read-only file system|os error 30\b/i, '磁盘是只读的'],
  [/\bEACCES\b|\bEPERM\b|Permission denied|os error 13\b/i, '没有写入权限'],
  [/\bEMFILE\b|\bENFILE\b|Too many open files/i, '同时打开的文件过多'],
];

/** Why a write failed, in Chinese, or undefined when the error is not about the disk. */
export function diskReason(err: unknown): string | undefined {
  const e = err as { code?: unknown; message?: unknown } | null;
  const text = `${typeof e?.code === 'string' ? e.code : ''} ${typeof e?.message === 'string' ? e.message : String(err)}`;
  return REASONS.find(([re]) => re.test(text))?.[1];
}

/** The sentence staff read when a build could not write its output. */
export function diskFailure(err: unknown): string | undefined {
  const reason = diskReason(err);
  return reason && `写入网站文件时出错：${reason}。未更新网站；原有输出保持不变。请腾出磁盘空间或检查权限后重新运行。`;
}
