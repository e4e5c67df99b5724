// data/reports.xlsx: both open-data tables as one Excel workbook (see src/publish/workbook.ts).
import { allReports } from '../../site/content.ts';
import { siteSettings } from '../../site/settings.ts';
import { reportsWorkbook, XLSX_MEDIATYPE } from '../../publish/workbook.ts';
import { firstShardOnly } from '../../site/shard.ts';

export const GET = firstShardOnly(async () => {
  const settings = await siteSettings();
  const bytes = await reportsWorkbook(await allReports(), { title: `${settings.name}：开放数据` });
  return new Response(bytes.slice().buffer, { headers: { 'content-type': XLSX_MEDIATYPE } });
});
