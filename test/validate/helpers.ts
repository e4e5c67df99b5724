/**
 * Fixtures for the validator tests: a throw-away content folder per test, a minimal valid
 * report to mutate, and an Io that captures what the CLI prints. Synthetic reports always
 * belong to 虚构市示例局, so that no fixture looks like a real department.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import type { Io } from '../../src/cli/io.ts';
import { errorsOf, formatFinding, warningsOf, type Finding } from '../../src/findings.ts';
import { validateContent, type Verdict } from '../../src/validate/index.ts';

/** A fresh folder under the system temp dir, removed when the test ends. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-validate-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a report file (text or raw bytes) at `dir/name`, creating folders on the way. */
export async function writeReport(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** The identity of a report, lines 1–6; fields appended by `report(extra)` start on line 7. */
export const HEAD = `kind: department
year: 2022
title: 2022年度虚构市示例局部门整体支出绩效自评报告
department:
  id: xugou-shili
  name: 虚构市示例局
`;

/**
 * A report may be published only when it states its budget and score or says the original does
 * not (E_BUDGET_MISSING, E_SCORE_MISSING): fixtures that are about something else say so at the end.
 */
export function notStatedFor(text: string): string {
  let data: { budget?: { planned?: unknown; spent?: unknown }; score?: { total?: unknown } } | undefined;
  try {
    data = parseYamlText(text, { logLevel: 'error' }) ?? undefined; // fixtures with bad tags must not print YAML warnings
  } catch {
    data = undefined;
  }
  const lines = [
    data?.budget?.planned !== undefined && data.budget.spent !== undefined ? '' : '  budget: 原报告未公开预算数（虚构示例）',
    data?.score?.total !== undefined ? '' : '  score: 原报告未给出自评得分（虚构示例）',
  ].filter(Boolean);
  return lines.length ? `notStated:\n${lines.join('\n')}\n` : '';
}

/** A valid department report: the identity on lines 1–6, then `notStated` on lines 7–9. */
export const MINIMAL = HEAD + notStatedFor(HEAD);

export const report = (extra = '') => {
  const text = HEAD + extra + (extra && !extra.endsWith('\n') ? '\n' : '');
  return text + notStatedFor(text);
};

/** Replaces text that must occur in `text` (a fixture that silently stays valid tests nothing). */
export function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** Validates a folder with paths shown relative to it, so findings read `r.yaml:7: …`. */
export const validate = (dir: string, strict = false): Promise<Verdict> => validateContent(dir, { cwd: dir, strict });

/** Validates one report file (named `r.yaml` unless given) in a fresh folder. */
export async function check(content: string | Uint8Array, name = 'r.yaml'): Promise<Verdict> {
  const dir = await tempDir();
  await writeReport(dir, name, content);
  return validate(dir);
}

/** The one error of a report; fails, listing them, if there is none or more than one. */
export async function onlyError(content: string | Uint8Array, name?: string): Promise<Finding> {
  const errors = errorsOf((await check(content, name)).findings);
  expect(errors.map(formatFinding)).toHaveLength(1);
  return errors[0]!;
}

/** The warnings of a report that has no errors. */
export async function warningsFor(content: string): Promise<Finding[]> {
  const { findings } = await check(content);
  expect(errorsOf(findings).map(formatFinding)).toEqual([]);
  return warningsOf(findings);
}

/** The one warning of a report; fails, listing them, if there is none or more than one. */
export async function onlyWarning(content: string): Promise<Finding> {
  const warnings = await warningsFor(content);
  expect(warnings.map(formatFinding)).toHaveLength(1);
  return warnings[0]!;
}

/** An Io that keeps what a command prints. */
export function captureIo(cwd: string): Io & { stdout: string[]; stderr: string[]; all(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (l) => void stdout.push(l), err: (l) => void stderr.push(l), all: () => [...stdout, ...stderr].join('\n') };
}

/** Where a finding points: code, file, line and field (undefined when it names none). */
export const located = (f: Finding | undefined) => ({ code: f?.code, file: f?.file, line: f?.line, field: f?.field });
