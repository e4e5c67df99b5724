/**
 * `jixiao dev`: Astro's own dev server (the public `dev()` API) renders each page when it is
 * asked for, from content jixiao validates and hands over after every save. An integration adds
 * three things: the reload script, the findings of the saved file, and the error page shown
 * instead of the site while the content has errors. Nothing here reaches a built site.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatFinding, type Finding } from '../findings.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { normalizeBase } from '../load/base.ts';
import { say, sentence, UserError } from '../errors/user-error.ts';
import { SiteSettingsSchema, type SiteSettings } from '../schema/index.ts';
import { publicRoot } from '../publish/urls.ts';
import { COLLECTION_FILES } from '../publish/collection-files.ts';
import { BUILD_CONTEXT_FILE, provideBuildContext, type BuildContext } from '../site/build-context.ts';
import { loadSettings, SETTINGS_FILE } from '../site/settings.ts';
import { findingsOf, loadSnapshot, shownPath, type ContentSnapshot } from './content-state.ts';
import { telemetryOff, updateCheckOff } from '../astro/process.ts';
import { classify } from './site-only.ts';
import { answerCheck } from './check-routes.ts';
import { CHECK_PAGE } from '../errors/check-page.ts';
import { clientScript, DEV_PATH, errorPage, findingsPanel, startingPage } from './overlay.ts';

/** The logger's Chinese lines (astro-logger.mjs), by level and by whether the English original could be kept. */
function loggerLines(logFile: string) {
  const line = (error: boolean, kept: boolean) => sentence(say('DEV_ASTRO_SAID', { error, logFile: kept ? logFile : undefined }));
  return { error: { kept: line(true, true), lost: line(true, false) }, warn: { kept: line(false, true), lost: line(false, false) } };
}

export interface DevOptions {
  contentDir: string;
  settingsFile?: string | undefined;
  base?: string | undefined;
  port?: number | undefined;
  cwd: string;
  /** Where messages for staff go (the terminal). */
  log(line: string): void;
  /** Told the address as soon as the server listens, before the content is checked. */
  onAddress?(url: string): void;
}

export interface DevServer {
  url: string;
  stop(): Promise<void>;
}

type Watcher = {
  add(p: string | string[]): unknown;
  on(ev: 'all', fn: (ev: string, path: string) => void): unknown;
  emit(ev: string, ...a: unknown[]): boolean;
};

export async function startDev(opts: DevOptions): Promise<DevServer> {
  const contentDir = resolve(opts.cwd, opts.contentDir);
  const settingsPath = resolve(opts.cwd, opts.settingsFile ?? SETTINGS_FILE);
  // Only the settings are read before the server starts (they give the base path); the content is
  // checked while Astro starts, so the address comes at once whatever the content, findings after.
  const firstSettings = await loadSettings(settingsPath, opts.cwd);
  const checking = loadSnapshot(contentDir, settingsPath, opts.cwd);
  let snap: ContentSnapshot = { reports: [], settings: firstSettings.settings, findings: [], errors: [], pending: [] };
  let ready = false;
  const base = normalizeBase(opts.base ?? snap.settings?.base);
  let lastSaved: string | undefined;
  const clients = new Set<ServerResponse>();

  // The pages read the content and settings as values (src/site/build-context.ts), provided again
  // after every save, drafts shown; a site.yaml with errors keeps the last good settings.
  let settings: SiteSettings = snap.settings ?? SiteSettingsSchema.parse({});
  let context: BuildContext;
  const handOver = (s: ContentSnapshot) => {
    settings = s.settings ?? settings;
    let siteUrl: string | undefined;
    try {
      siteUrl = settings.url ? publicRoot(settings.url, base) : undefined;
    } catch {
      siteUrl = undefined;
    }
    context = { base, siteUrl, settings, reports: s.reports, drafts: true, settingsFile: settingsPath };
    provideBuildContext(context);
  };
  handOver(snap);
  // Astro's dev server runs the pages through Vite's module runners, each with its own instance of
  // build-context.ts (a build keeps the file out of the bundle instead: src/build/context-integration.ts).
  // So the values also go to each runner's instance: after start, and after every save.
  type Runner = { import(url: string): Promise<unknown> };
  let vite: { environments?: Record<string, { runner?: Runner; hot?: { send(event: string, data: unknown): void } }> } | undefined;
  const provideToPages = async () => {
    for (const env of Object.values(vite?.environments ?? {})) {
      const runner = env.runner;
      if (runner) ((await runner.import(BUILD_CONTEXT_FILE)) as { provideBuildContext(c: BuildContext): void }).provideBuildContext(context);
    }
  };
  telemetryOff();
  updateCheckOff();

  const report = (file: string | undefined) => {
    const stamp = new Date().toTimeString().slice(0, 8);
    if (file) {
      const { findings, pending } = findingsOf(snap, file);
      const errors = findings.filter((f) => f.severity === 'error').length;
      opts.log(sentence(say('DEV_SAVED', { stamp, file, errors, warnings: findings.length - errors })));
      for (const f of findings) opts.log(`  ${formatFinding(f)}`);
      if (pending.length) opts.log(sentence(say('DEV_DRAFT_PENDING', { lines: pending.map(formatFinding) })));
    }
    const others = snap.errors.filter((f) => f.file !== file);
    if (others.length) opts.log(sentence(say('DEV_OTHER_ERRORS', { lines: others.map(formatFinding) })));
    opts.log(sentence(snap.errors.length ? say('DEV_PAGE_SHOWS_ERRORS') : say('DEV_PAGE_UPDATED')));
  };

  const iconName = () => (settings.favicon ? `favicon${extname(settings.favicon).toLowerCase()}` : 'favicon.svg');
  let timer: NodeJS.Timeout | undefined;
  let emitting = false;
  const onFileEvent = (watcher: Watcher, path: string) => {
    if (emitting) return;
    const inContent = path.startsWith(contentDir + sep);
    if (!inContent && path !== settingsPath) return;
    lastSaved = shownPath(path, opts.cwd);
    clearTimeout(timer);
    timer = setTimeout(async () => {
      snap = await loadSnapshot(contentDir, settingsPath, opts.cwd);
      handOver(snap);
      // Astro keeps each route's getStaticPaths() until its file watcher reports a change:
      // report one now that the new content is in place, so no page is built from the old.
      emitting = true;
      try {
        watcher.emit('change', settingsPath);
      } finally {
        emitting = false;
      }
      await provideToPages();
      // Astro 7 clears its getStaticPaths() cache on this event (its content layer sends it).
      for (const env of Object.values(vite?.environments ?? {})) env.hot?.send('astro:content-changed', {});
      report(lastSaved);
      for (const c of clients) c.write('data: reload\n\n');
    }, 120);
  };

  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Astro's base middleware runs first and strips the base; accept the path with or without it.
    const path = url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : url.pathname;
    if (path === `/${DEV_PATH}events/`) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': jixiao dev\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    // The 核对 pages (src/dev/check-routes.ts): shown whatever errors the content has, once it is checked.
    if (ready && path.startsWith(`/${DEV_PATH}check`)) {
      answerCheck(path, url.searchParams, snap, base, opts.cwd, res).then(
        (done) => done || next(),
        () => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(CHECK_PAGE.broken);
        },
      );
      return;
    }
    if (path === `/${DEV_PATH}findings/`) {
      const { findings, pending } = lastSaved ? findingsOf(snap, lastSaved) : { findings: [] as Finding[], pending: [] as Finding[] };
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(findingsPanel(lastSaved, findings, pending));
      return;
    }
    // The icon and the open-data files of every report are endpoints whose names carry the
    // extension ([favicon].ts, data/[file].ts); under trailingSlash 'always' Astro's dev server
    // answers them only as favicon.svg/ or data/reports.csv/ (the build writes favicon.svg).
    if (path === `/${iconName()}` || COLLECTION_FILES.some((f) => path === `/data/${f}`)) {
      req.url = `${url.pathname}/${url.search}`;
      next();
      return;
    }
    // Only the site: the project's other files are not served, nor anything a link leads to;
    // another icon name (a browser's own /favicon.ico) is simply not there.
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    if (/^\/favicon\.[a-z]+$/.test(path) || classify(PACKAGE_ROOT, decoded, url.search) === 'refused') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(sentence(say('DEV_NOT_THE_SITE')));
      return;
    }
    const page = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !/^\/(@|_astro\/|node_modules\/|src\/)/.test(path);
    // jixiao's own request for the first page, made to know when Astro's routes are in place.
    const probe = req.headers[PROBE_HEADER] === '1';
    if (page && !ready && !probe) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '1' });
      res.end(startingPage());
      return;
    }
    if (page && snap.errors.length && !probe) {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(errorPage(snap.errors, base));
      return;
    }
    next();
  };

  // A Vite plugin that runs before Astro's own ('pre'), so its routes answer before Astro's pages.
  const vitePlugin = {
    name: 'jixiao-dev',
    enforce: 'pre' as const,
    configureServer(server: { watcher: unknown; middlewares: { use(fn: typeof middleware): unknown } }) {
      vite = server as typeof vite;
      const watcher = server.watcher as Watcher;
      watcher.add([contentDir, settingsPath]);
      watcher.on('all', (_ev, path) => onFileEvent(watcher, resolve(path)));
      server.middlewares.use(middleware);
    },
  };
  const integration: AstroIntegration = {
    name: 'jixiao-dev',
    hooks: {
      'astro:config:setup': ({ injectScript, updateConfig }) => {
        injectScript('head-inline', clientScript(base));
        updateConfig({ vite: { plugins: [vitePlugin] } });
      },
    },
  };

  const devLog = join(opts.cwd, '.jixiao-cache', 'dev.log');
  const { dev } = await import('astro');
  const server = await dev({
    root: PACKAGE_ROOT,
    base,
    server: { host: '127.0.0.1', port: opts.port ?? 4321 },
    integrations: [integration],
    // The port asked for, or a clear message: never a preview quietly on another port.
    // chart.js pre-bundled at start: found on the first report page instead, Vite would reload that page mid-way.
    vite: { server: { strictPort: true }, optimizeDeps: { include: ['chart.js'] } },
    logLevel: 'warn',
    // Astro's and Vite's English messages become one Chinese line; the originals go to a log file.
    logger: { entrypoint: join(PACKAGE_ROOT, 'src/dev/astro-logger.mjs'), config: { logFile: devLog, lines: loggerLines(shownPath(devLog, opts.cwd)) } },
  }).catch((err: NodeJS.ErrnoException) => {
    if (err?.code === 'EADDRINUSE' || /already in use/i.test(String(err?.message))) throw new UserError(say('DEV_PORT_IN_USE', { port: opts.port ?? 4321 }));
    throw err;
  });
  const url = `http://127.0.0.1:${server.address.port}${base}`;
  opts.onAddress?.(url);
  snap = await checking;
  handOver(snap);
  await provideToPages();
  await untilServing(url);
  ready = true;
  for (const c of clients) c.write('data: reload\n\n');
  for (const f of snap.findings) opts.log(formatFinding(f));
  opts.log(sentence(say('DEV_CHECKED', { reports: snap.reports.length, errors: snap.errors.length, warnings: snap.findings.length - snap.errors.length })));
  return {
    url,
    async stop() {
      for (const c of clients) c.end();
      clearTimeout(timer);
      await server.stop();
    },
  };
}

const PROBE_HEADER = 'x-jixiao-probe';

/**
 * Astro 7's dev server answers "Cannot GET" for a moment after dev() resolves, until its routes
 * are in place: the address is given to staff only once the home page renders (30 s at most).
 */
async function untilServing(url: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const ok = await fetch(url, { headers: { accept: 'text/html', [PROBE_HEADER]: '1' } }).then(
      (r) => r.status < 400,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}
