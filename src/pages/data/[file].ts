// data/reports.csv, indicators.csv, reports.xlsx, reports.json, datapackage.json: the open-data
// files that hold every report (src/publish/collection-files.ts), served by `jixiao dev`. A build
// makes them on a thread of its own and writes them itself (its context says so): then Astro
// renders none here, in one process or several.
import { buildContext } from '../../site/build-context.ts';
import { COLLECTION_FILES, collectionFile, collectionFileType } from '../../publish/collection-files.ts';

export function getStaticPaths() {
  if (buildContext().collectionFilesByBuild) return [];
  return COLLECTION_FILES.map((file) => ({ params: { file } }));
}

export async function GET({ params }: { params: { file: string } }) {
  const body = await collectionFile(params.file);
  return new Response(typeof body === 'string' ? body : body.slice().buffer, { headers: { 'content-type': collectionFileType(params.file) } });
}
