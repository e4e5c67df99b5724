// data/reports/{id}.json: one report as open data (the validated report, warnings, attachments).
import { allReports, type LoadedReport } from '../../../site/content.ts';
import { reportDocumentText } from '../../../publish/datapackage.ts';
import { pageKey } from '../../../site/page-keys.ts';
import { inShard } from '../../../site/shard.ts';

export async function getStaticPaths() {
  return inShard(
    'data/reports/[id].json',
    (await allReports()).map((r) => ({ params: { id: r.id }, props: { r }, cacheKey: pageKey([r]) })),
  );
}

export async function GET({ props }: { props: { r: LoadedReport } }) {
  return new Response(await reportDocumentText(props.r), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
