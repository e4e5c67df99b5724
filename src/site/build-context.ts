/**
 * What a build hands its pages, as values: the validated site settings, the base path, the
 * public URL and the loaded reports. The build (src/build/pages.ts) validates them once and
 * provides them before Astro renders; the pages, and the published files the pages write, read
 * them here and nowhere else — never from the environment.
 *
 * Astro bundles the pages, and a bundled copy of this module would be a second, empty instance.
 * So the build keeps this one file out of the bundle (src/build/context-integration.ts marks it
 * external): the rendered pages import this very module, in the same process, and see what the
 * build provided. Keep it free of runtime imports.
 */
import type { SiteSettings } from '../schema/site.ts';
import type { LoadedReport } from '../validate/load-content.ts';

export interface BuildContext {
  /** Base path the site is served under, with slashes at both ends: / or /xxgk/jxzp/. */
  base: string;
  /** Public URL of the site root, base path included, with a final slash; undefined when none is configured. */
  siteUrl?: string | undefined;
  settings: SiteSettings;
  /** Every report of the content folder, drafts included, as validated. */
  reports: readonly LoadedReport[];
  /** Show drafts as if published: `jixiao dev`, so staff see the report they are writing. */
  drafts?: boolean | undefined;
  /** The settings file (site.yaml), absolute: files it names (the favicon) are relative to it. */
  settingsFile?: string | undefined;
  /**
   * For Astro's incremental build (src/site/page-keys.ts): the build key and a digest per report
   * id. None: pages get no cache key and are all rendered.
   */
  pageDigests?: { buildKey: string; digests: ReadonlyMap<string, string> } | undefined;
  /**
   * The build makes the open-data files that hold every report itself, on a thread of its own,
   * and writes them after Astro (src/publish/collection-files.ts): Astro renders none of them.
   */
  collectionFilesByBuild?: boolean | undefined;
  /** When the build renders in several Astro processes: which one this is (src/site/shard.ts). */
  shard?: { index: number; count: number } | undefined;
}

let current: BuildContext | undefined;

/** Called by the build, once, before Astro renders the pages (by `jixiao dev` after every save). */
export function provideBuildContext(context: BuildContext): void {
  current = context;
}

/** For pages and published files: what the build provided. */
export function buildContext(): BuildContext {
  if (!current) throw new Error('jixiao: the pages read their settings and content from the build; run them through `jixiao build`.');
  return current;
}

/** The file itself, for the build to keep it out of Astro's bundle. */
export const BUILD_CONTEXT_FILE = new URL(import.meta.url).pathname;
