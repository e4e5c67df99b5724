/**
 * The open-data files that hold every report: the two CSV tables, the workbook, the JSON index
 * and datapackage.json (which hashes the others). Each is made from every published report, so
 * each is made again whenever one report changes, seconds of one thread at 10,000 reports. A build
 * therefore makes them on a thread of its own while Astro renders the pages
 * (src/build/collection-thread.ts) and writes them into the output after; `jixiao dev` serves
 * them through src/pages/data/[file].ts. Both make the same bytes here.
 */
import { allReports } from '../site/content.ts';
import { siteSettings } from '../site/settings.ts';
import { datapackageText, reportsIndexText } from './datapackage.ts';
import { indicatorsCsv, reportsCsv } from './tables.ts';
import { reportsWorkbook, XLSX_MEDIATYPE } from './workbook.ts';

const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** Each file under data/, its media type and how it is made from the published reports. */
const FILES: Record<string, { type: string; make: () => Promise<string | Uint8Array> }> = {
  'reports.csv': { type: CSV, make: async () => reportsCsv(await allReports()) },
  'indicators.csv': { type: CSV, make: async () => indicatorsCsv(await allReports()) },
  'reports.xlsx': { type: XLSX_MEDIATYPE, make: async () => reportsWorkbook(await allReports(), { title: `${siteSettings().name}：开放数据` }) },
  'reports.json': { type: JSON_TYPE, make: async () => reportsIndexText(await allReports(), siteSettings()) },
  'datapackage.json': { type: JSON_TYPE, make: async () => datapackageText(await allReports(), siteSettings()) },
};

/** The files' names, in the folder data/. */
export const COLLECTION_FILES = Object.keys(FILES);

export const collectionFileType = (name: string): string => FILES[name]?.type ?? 'application/octet-stream';

/** One file's body, for the build context provided (src/site/build-context.ts). */
export function collectionFile(name: string): Promise<string | Uint8Array> {
  const file = FILES[name];
  if (!file) throw new Error(`jixiao: no open-data file ${name}`);
  return file.make();
}

/** All of them, as UTF-8 bytes: data/<name> → bytes. */
export async function collectionFiles(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const name of COLLECTION_FILES) {
    const body = await collectionFile(name);
    out.set(`data/${name}`, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  }
  return out;
}
