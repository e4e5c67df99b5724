/**
 * The sentences of jixiao dev's 核对 pages (issue 31), kept beside the catalogue so every sentence
 * staff read lives in src/errors (the terminal line that leads to the page is DEV_ADDRESS in
 * command-messages.ts). Labels of one or two words stay with the markup (src/dev/check-page.ts).
 */
export const CHECK_PAGE = {
  count: (p: { total: number; unchecked: number }) =>
    p.total === 0
      ? '这份报告还没有数字。'
      : p.unchecked === 0
        ? `${p.total} 个数字都已核对。`
        : `共 ${p.total} 个数字，已核对 ${p.total - p.unchecked} 个，还有 ${p.unchecked} 个未核对。`,
  how: '在您自己的编辑器中修改数据文件并保存，本页随之更新。核对过的数字，把它的字段路径（每个数字下方的灰色文字）写进文件的 checked 列表，如 checked: [year, budget.planned]；写 budget 即全部预算数字。全部核对、补齐后，最后删除 draft: true 一行。',
  howMarks: '原文中标出的是每个数字读取的位置：点标记跳到右边（手机上是下方）的字段，点字段中的数字跳回原文。',
  lastAct: (p: { unchecked: number }) =>
    p.unchecked
      ? `还有 ${p.unchecked} 个数字未核对，暂不要删除 draft: true。`
      : '数字都已核对。补齐未填入的字段、处理核验提示后，删除 draft: true 一行，报告才会发布。',
  published: '这份报告已不是草稿（没有 draft: true），会发布。',
  notFound: '原文中没有找到这个数',
  noOriginal: '这份报告旁边没有保存原件（只有用 npx jixiao import 导入的草稿才有 <草稿名>.原文/ 文件夹），无法对照显示原文。',
  noText: '原件文件夹中没有读取的文字（读取的文字.txt）。',
  noEmpties: '导入时没有留空的字段，或留空的都已填写。',
  hasErrors: (p: { count: number }) => `这个文件有 ${p.count} 个错误，改正并保存后才能对照核对：`,
  unknownFile: '没有这个报告文件。请从核对列表中选择。',
  listIntro: '每份草稿已核对的数字。点开一份，对照原文逐项核对；核对记录保存在数据文件的 checked 列表中，下次接着做。',
  noDrafts: '内容文件夹中没有草稿（draft: true）。用 npx jixiao import 导入原报告，生成的草稿会列在这里。',
  broken: '核对页出错，请查看命令行窗口。',
  listCount: (p: { drafts: number; unchecked: number }) => `${p.drafts} 份草稿，还有 ${p.unchecked} 个数字未核对。`,
  listProgress: (p: { done: number; total: number }) => `已核对 ${p.done} / ${p.total} 个数字`,
  listBroken: '有错误，改正后才能核对',
  listOthers: (p: { count: number }) => `已发布的报告（${p.count} 份，也可以对照核对）`,
  pdfPages: 'PDF 按页读取后前后页已接在一起（表格跨页的行已接回），这里不显示分页。',
} as const;
