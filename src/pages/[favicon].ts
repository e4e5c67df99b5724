// The site icon under the base path (src/site/favicon.ts): favicon.svg by default.
import { favicon } from '../site/favicon.ts';

export async function getStaticPaths() {
  return [{ params: { favicon: (await favicon()).name } }];
}

export async function GET() {
  const f = await favicon();
  return new Response((await f.body()) as unknown as BodyInit, { headers: { 'content-type': f.type } });
}
