/**
 * data/reports.json as a built site carries it (src/publish/report-json.ts writes it): what
 * `jixiao package` reads from a site folder is checked against this first, so a broken or
 * tampered list cannot name files outside the package folder. Only the fields package uses are
 * checked; the rest passes as it is.
 */
import { z } from 'zod';
import { DisclosureSchema } from './disclosure.ts';
import { ReportSchema } from './report.ts';

export const ReportsIndexSchema = z.looseObject({
  reports: z
    .array(
      z.looseObject({
        year: ReportSchema.shape.year,
        publishedDate: DisclosureSchema.shape.publishedDate,
      }),
    )
    .min(1)
    .meta({ title: '报告清单' }),
});
export type ReportsIndex = z.output<typeof ReportsIndexSchema>;
