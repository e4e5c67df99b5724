/**
 * `jixiao dev [--content DIR] [--config FILE] [--base PATH] [--port N]`: a local preview on
 * 127.0.0.1 that follows every save. Runs until Ctrl+C.
 */
import { parseArgs } from './args.ts';
import { optionsOf, portFrom } from './commands.ts';
import type { Io } from './io.ts';
import { CHECK_PAGE } from '../errors/check-page.ts';

export async function devCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('dev'));
  const port = portFrom(flags.port, 4321);
  const { startDev } = await import('../dev/server.ts');
  // The address first, as soon as the server listens; the findings of the content follow.
  const server = await startDev({
    contentDir: String(flags.content ?? 'content'),
    settingsFile: flags.config as string | undefined,
    base: flags.base as string | undefined,
    port,
    cwd: io.cwd,
    log: io.out,
    onAddress: (url) =>
      io.out(
        `预览地址：${url}\n${CHECK_PAGE.address(`${url}__jixiao/check/`)}\n在编辑器中修改并保存 content/ 下的报告文件或 site.yaml，浏览器中的页面会自动刷新。\n（预览包括草稿；全文搜索要在 npx jixiao build 之后用 npx jixiao preview 查看。）按 Ctrl+C 结束预览。\n正在检查报告文件……`,
      ),
  }).catch((err: unknown) => {
    // A start that failed (the port taken) leaves Astro's watchers holding the process open:
    // end it once the message is out, with the exit code the CLI sets.
    setTimeout(() => process.exit(), 200).unref();
    throw err;
  });
  await new Promise<void>((done) => {
    const stop = () => {
      void server.stop().finally(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
