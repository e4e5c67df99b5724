/**
 * The terminal's messages about the folders and files a command writes: the output folder a
 * build may not replace (src/output/guard.ts), the folders and files `new`, `import` and
 * `package` write into, and a disk that fails. Part of the catalogue (messages.ts).
 */
import { entry } from './message-entry.ts';

const q = (path: string) => JSON.stringify(path);

const NEW_EMPTY_FOLDER = '请用 --out 指定一个新的空文件夹，例如 dist。';
const A_FOLDER = '请用 --out 指定一个文件夹。';
const ANOTHER_OUT = '请换一个 --out 位置。';
const CHECK_AND_RERUN = '请确认后重新运行。';

/** The folders a build never replaces, as the refusal names them. */
const KEPT_PLACE = { project: '项目文件夹', jixiao: 'jixiao 程序所在的文件夹', content: '内容文件夹', home: '用户主目录' } as const;
export type KeptPlace = keyof typeof KEPT_PLACE;

/** The folder a command adds its files to, as its refusal names it. */
const FILES_FOLDER = { package: '打包输出文件夹', import: '输出文件夹' } as const;
type FilesFolder = { what: keyof typeof FILES_FOLDER; shown: string };

export const OUTPUT_MESSAGES = {
  // ── The output folder of a build (src/output/guard.ts, atomic.ts) ──────────────────
  OUT_IS_ROOT: entry<{ shown: string }>({
    message: (p) => `输出文件夹 ${q(p.shown)} 是文件系统的根目录，不能用作输出；未做任何改动。`,
    hint: NEW_EMPTY_FOLDER,
  }),
  OUT_IN_CONTENT: entry<{ shown: string }>({
    message: (p) => `输出文件夹 ${q(p.shown)} 在内容文件夹之内，生成网站会删除报告文件；未做任何改动。`,
    hint: '请用 --out 指定内容文件夹以外的文件夹，例如 dist。',
  }),
  OUT_IS_KEPT: entry<{ shown: string; place: KeptPlace; above: boolean }>({
    message: (p) => `输出文件夹 ${q(p.shown)} 是${KEPT_PLACE[p.place]}${p.above ? '所在的上级文件夹' : ''}，生成网站会删除其中的文件；未做任何改动。`,
    hint: NEW_EMPTY_FOLDER,
  }),
  OUT_IS_LINK: entry<{ shown: string }>({
    message: (p) => `输出位置 ${q(p.shown)} 是一个符号链接，不能用作输出；未做任何改动。`,
    hint: '请用 --out 指定一个普通文件夹。',
  }),
  OUT_IS_FILE: entry<{ shown: string }>({
    message: (p) => `输出位置 ${q(p.shown)} 是一个文件，不是文件夹；未做任何改动。`,
    hint: NEW_EMPTY_FOLDER,
  }),
  OUT_NOT_OURS: entry<{ shown: string; file: string; marker: string }>({
    message: (p) => `输出文件夹 ${q(p.shown)} 已有文件（如 ${q(p.file)}），不是 jixiao 生成的（没有 ${p.marker} 文件清单）；为免误删，未做任何改动。`,
    hint: '请用 --out 指定一个新的空文件夹，或先自行清空它。',
  }),
  OUT_NO_LIST: entry<{ shown: string; file: string; marker: string }>({
    message: (p) =>
      `输出文件夹 ${q(p.shown)} 的 ${p.marker} 中没有文件清单（旧版 jixiao 生成的，或是手工放入的），无法确认其中的文件（如 ${q(p.file)}）都是 jixiao 生成的；为免误删，未做任何改动。`,
    hint: '请确认其中没有要保留的文件后删除或清空这个文件夹，再运行一次（只需这一次）。',
  }),
  OUT_FILE_CHANGED: entry<{ shown: string; file: string }>({
    message: (p) => `${q(p.file)} 在上次生成网站后被改动过，输出文件夹 ${q(p.shown)} 不能被替换；为免误删，未做任何改动。`,
    hint: (p) => `请把这个文件移出 ${q(p.shown)}，或用 --out 指定另一个文件夹。`,
  }),
  OUT_FILE_FOREIGN: entry<{ shown: string; file: string }>({
    message: (p) => `${q(p.file)} 不是 jixiao 生成的，输出文件夹 ${q(p.shown)} 不能被替换；为免误删，未做任何改动。`,
    hint: (p) => `请把它移出 ${q(p.shown)}，或用 --out 指定另一个文件夹。`,
  }),
  OUT_PARENT_NOT_WRITABLE: entry<{ parent: string; reason: string }>({
    message: (p) => `无法在 ${q(p.parent)} 中写入（${p.reason}）；未做任何改动。`,
    hint: '请用 --out 指定一个可写的文件夹。',
  }),
  OUT_BUILD_RUNNING: entry<{ pid: number; folder: string }>({
    message: (p) => `另一个 jixiao build（进程 ${p.pid}）正在生成 ${q(p.folder)}；`,
    hint: '等它结束后再运行。未做任何改动。',
  }),
  DISK_FAILED: entry<{ reason: string }>({
    message: (p) => `写入网站文件时出错：${p.reason}。未更新网站；原有输出保持不变。`,
    hint: '请腾出磁盘空间或检查权限后重新运行。',
  }),

  // ── A folder a command adds named files to (`import --out`, `package --out`) ──────────
  FOLDER_IS_ROOT: entry<FilesFolder>({
    message: (p) => `${FILES_FOLDER[p.what]} ${q(p.shown)} 是文件系统的根目录；未做任何改动。`,
    hint: A_FOLDER,
  }),
  FOLDER_IN_SITE: entry<FilesFolder>({
    message: (p) => `${FILES_FOLDER[p.what]} ${q(p.shown)} 在网站文件夹之内；未做任何改动。`,
    hint: '请用 --out 指定网站文件夹以外的文件夹。',
  }),
  FOLDER_IS_FILE: entry<FilesFolder>({
    message: (p) => `${FILES_FOLDER[p.what]} ${q(p.shown)} 是一个文件，不是文件夹；未做任何改动。`,
    hint: A_FOLDER,
  }),
  FOLDER_PATH_HAS_FILE: entry<FilesFolder & { part: string }>({
    message: (p) => `${FILES_FOLDER[p.what]} ${q(p.shown)} 的路径中 ${q(p.part)} 是一个文件，不是文件夹；未做任何改动。`,
    hint: A_FOLDER,
  }),
  FOLDER_NOT_MADE: entry<{ shown: string; reason: string }>({
    message: (p) => `无法创建文件夹 ${q(p.shown)}（${p.reason}）；未写入。`,
    hint: ANOTHER_OUT,
  }),
  FOLDER_PART_IS_FILE: entry<{ shown: string; part: string }>({
    message: (p) => `无法创建文件夹 ${q(p.shown)}：路径中的 ${q(p.part)} 是一个文件，不是文件夹；未写入。`,
    hint: ANOTHER_OUT,
  }),

  // ── One file a command writes (`new --out`, `import --out`: src/cli/safe-write.ts) ────
  WRITE_FAILED: entry<{ shown: string; reason: string }>({
    message: (p) => `无法写入 ${q(p.shown)}（${p.reason}）；未写入。`,
    hint: ANOTHER_OUT,
  }),
  WRITE_AT_LINK: entry<{ shown: string }>({
    message: (p) => `${q(p.shown)} 是一个符号链接，为免写到链接指向的别处，未写入（加 --force 也不会）。`,
    hint: '请删除这个链接，或用 --out 换一个位置。',
  }),
  WRITE_AT_OTHER: entry<{ shown: string }>({
    message: (p) => `${q(p.shown)} 已存在且不是普通文件（例如是文件夹）；未做任何改动。`,
    hint: '请换一个 --out 文件名。',
  }),
  WRITE_EXISTS: entry<{ shown: string }>({
    message: (p) => `${q(p.shown)} 已存在，未覆盖。`,
    hint: '换一个 --out 文件名，或加 --force 覆盖。',
  }),
  WRITE_RACE_CREATED: entry<{ shown: string }>({
    message: (p) => `${q(p.shown)} 刚刚被别的程序创建，未覆盖；未写入。`,
    hint: CHECK_AND_RERUN,
  }),
  WRITE_RACE_SWAPPED: entry<{ shown: string }>({
    message: (p) => `${q(p.shown)} 在写入时被换成了链接或文件夹，未写入。`,
    hint: CHECK_AND_RERUN,
  }),
};
