/**
 * What a long command says while it works (src/progress.ts draws it): the names of the stages of
 * build, validate, import and package, the unit each counts, and the sentences of the progress
 * lines and the closing summary. Kept with the other terminal messages, in Chinese only.
 */
export const STAGES = {
  validate: { name: '检查报告', unit: '个文件' },
  astro: { name: '生成页面', unit: '个报告页' },
  publish: { name: '写出数据文件', unit: '个文件' },
  index: { name: '建立搜索索引', unit: '个分片' },
  import: { name: '导入', unit: '个文件' },
  package: { name: '打包', unit: '个包' },
} as const;

export type StageName = keyof typeof STAGES;

const seconds = (s: number) => `${s.toFixed(1)} 秒`;
/** 1,000 for 1000. Not toLocaleString: its first call loads ICU's number data, 40–100 ms of every build's main process. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const PROGRESS = {
  /** A stage begins: `生成页面：共 1,000 个报告页`, or only its name when nothing is counted. */
  started: (stage: StageName, total?: number) =>
    total === undefined ? `${STAGES[stage].name}……` : `${STAGES[stage].name}：共 ${count(total)} ${STAGES[stage].unit}`,
  /** Where a stage is: `生成页面 500/1,000 个报告页，已用 4.2 秒`. */
  at: (stage: StageName, done: number | undefined, total: number | undefined, elapsed: number) =>
    `${STAGES[stage].name}${done === undefined || total === undefined ? '' : ` ${count(done)}/${count(total)} ${STAGES[stage].unit}`}，已用 ${seconds(elapsed)}`,
  /** One item of many, as `jixiao import` of a folder has printed it: `[3/10] 文件名`. */
  item: (done: number, total: number, item: string) => `[${done}/${total}] ${item}`,
  /** A stage ended: `检查报告完成（1,000 个文件），3.1 秒`. */
  finished: (stage: StageName, elapsed: number, done?: number) =>
    `${STAGES[stage].name}完成${done === undefined ? '' : `（${count(done)} ${STAGES[stage].unit}）`}，${seconds(elapsed)}`,
  /** The closing line: `各步用时：检查报告 3.1 秒，生成页面 9.8 秒；共 13.0 秒。` */
  summary: (stages: readonly (readonly [StageName, number])[], total: number) =>
    `各步用时：${stages.map(([s, t]) => `${STAGES[s].name} ${seconds(t)}`).join('，')}；共 ${seconds(total)}。`,
} as const;
