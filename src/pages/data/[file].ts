// data/reports.csv, indicators.csv, reports.xlsx, reports.json, datapackage.json: the open-data
// files that hold every report (src/publish/collection-files.ts). A build makes them on a thread
// of its own and writes them itself (it says so in the context): then Astro renders none here.
import { buildContext } from '../../site/build-context.ts';
import { COLLECTION_FILES, collectionFile, collectionFileType } from '../../publish/collection-files.ts';
import { makesSingletons } from '../../site/shard.ts';

export function getStaticPaths() {
  if (buildContext().collectionFilesByBuild) return [];
  return COLLECTION_FILES.map((file) => ({ params: { file } }));
}

export async function GET({ params }: { params: { file: string } }) {
  // Rendered in several Astro processes (shards.ts): the first makes them, the merge drops the others' empty copies.
  const body = makesSingletons() ? await collectionFile(params.file) : '';
  return new Response(typeof body === 'string' ? body : body.slice().buffer, { headers: { 'content-type': collectionFileType(params.file) } });
}
