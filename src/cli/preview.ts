/** `jixiao preview [--dist DIR] [--base PATH] [--port N]`: the built site, served as the web server will. */
import { resolve } from 'node:path';
import { normalizeBase } from '../build/base.ts';
import { parseArgs } from './args.ts';
import { optionsOf, portFrom } from './commands.ts';
import type { Io } from './io.ts';

export async function previewCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('preview'));
  const port = portFrom(flags.port, 4322);
  const { detectBase, startPreview } = await import('../preview/serve.ts');
  const dist = resolve(io.cwd, String(flags.dist ?? 'dist'));
  const detected = await detectBase(dist);
  if (detected === undefined) {
    io.err(`jixiao preview: ${String(flags.dist ?? 'dist')}/index.html 不存在：先运行 npx jixiao build 生成网站。`);
    return 1;
  }
  const base = normalizeBase((flags.base as string | undefined) ?? detected);
  let started;
  try {
    started = await startPreview({ dist, base, port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`jixiao preview: 端口 ${port} 已被占用，用 --port 换一个，如 --port 4323。`);
      return 1;
    }
    throw err;
  }
  io.out(
    `正在按服务器的方式提供 ${String(flags.dist ?? 'dist')}/（子目录 ${base}）：\n预览地址：${started.url}\n这是上传前的最后检查：全文搜索、开放数据下载和 404 页面都可以在这里试。按 Ctrl+C 结束。`,
  );
  await new Promise<void>((done) => {
    const stop = () => started.server.close(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
