/** The schema package: re-exports only. */
export * from './common.ts';
export * from './budget.ts';
export * from './disclosure.ts';
export * from './indicators.ts';
export * from './projects.ts';
export * from './report.ts';
export * from './introspect.ts';
export * from './rules.ts';
export * from './site.ts';
export * from './site-index.ts';
export * from './checked.ts';
export * from './check-progress.ts';
