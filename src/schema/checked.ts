/**
 * The clerk's record of which figures were checked against the original (issue 31), kept in the
 * data file so a second sitting starts where the first stopped: `checked:` lists dotted field
 * paths, the same paths `jixiao validate` names and the 核对 page shows beside each figure
 * (`budget.planned`, `score.indicators[1].children[0].score`). An entry also covers everything
 * under it: `budget` marks every budget figure checked, `score.indicators[1]` that indicator and
 * its children. One list beside `draft: true` rather than a marker on each figure: a figure stays
 * a plain number everywhere (pages, open data, JSON Schema), and where the check stands is read
 * in one place. The figures are the numbers of the report, as written in the file.
 */
import { z } from 'zod';

export const CheckedSchema = z.array(z.string().trim().min(1)).meta({
  title: '已核对',
  description: '已对照原文核对的数字，按字段路径列出，如 [year, budget.planned, score.total]；写上级字段（如 budget）即其下全部数字',
});
