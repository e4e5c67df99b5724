// data/reports/{id}/{file}: the report's attachments (the signed original), copied byte for byte.
import { allReports } from '../../../../site/content.ts';
import { publishedAttachments, readAttachment, type PublishedAttachment } from '../../../../publish/attachments.ts';
import { inShard } from '../../../../site/shard.ts';

export async function getStaticPaths() {
  const paths = [];
  for (const r of await allReports()) for (const a of await publishedAttachments(r)) paths.push({ params: { id: r.id, file: a.name }, props: { a } });
  return inShard('data/reports/[id]/[file]', paths);
}

export async function GET({ props }: { props: { a: PublishedAttachment } }) {
  return new Response(new Uint8Array(await readAttachment(props.a.source, props.a.root, { file: props.a.listedIn, name: props.a.original })), {
    headers: { 'content-type': 'application/octet-stream' },
  });
}
