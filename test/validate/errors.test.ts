/**
 * Every error code of the validator, each from a small invalid report: the finding names the
 * file, the line and the field, and its line (as `jixiao validate` prints it) is pinned.
 */
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import { validateContent } from '../../src/validate/index.ts';
import { check, HEAD, located, MINIMAL, onlyError, replace, report, tempDir, validate, writeReport } from './helpers.ts';

describe('read stage: the bytes are not a UTF-8 text report', () => {
  test('E_READ: a report file that is a broken link', async () => {
    const dir = await tempDir();
    await symlink(join(dir, 'gone.yaml'), join(dir, 'r.yaml'));
    const [f] = errorsOf((await validate(dir)).findings);
    expect(located(f)).toEqual({ code: 'E_READ', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(f!)).toMatchInlineSnapshot(
      `"r.yaml: 错误: 无法读取文件：文件不存在（或是指向不存在文件的链接）。 提示：检查文件是否存在、是否有读取权限。 [E_READ]"`,
    );
  });

  test('E_TOO_LARGE: a file over 2 MB', async () => {
    const f = await onlyError(report(`# ${'示例'.repeat(450_000)}\n`));
    expect(located(f)).toEqual({ code: 'E_TOO_LARGE', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml: 错误: 文件有 2.6 MB，超过报告数据文件上限 2 MB。 提示：报告数据文件只放文字和数字；原件 PDF 请作为附件（attachments）引用。 [E_TOO_LARGE]"`,
    );
  });

  test('E_ENCODING: GBK bytes, with the line where they start', async () => {
    const gbk = Buffer.from([0xca, 0xbe, 0xc0, 0xfd, 0xd0, 0xe9, 0xb9, 0xb9]); // 示例虚构
    const f = await onlyError(Buffer.concat([Buffer.from('kind: department\nyear: 2022\ntitle: '), gbk, Buffer.from('\n')]));
    expect(located(f)).toEqual({ code: 'E_ENCODING', file: 'r.yaml', line: 3, field: undefined });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:3: 错误: 文件不是有效的 UTF-8 编码（可能是 GBK/GB2312），第 3 行起无法识别。 提示：在编辑器中“另存为 UTF-8”。 [E_ENCODING]"`,
    );
  });

  test('E_ENCODING: UTF-16 with a BOM', async () => {
    const f = await onlyError(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')]));
    expect(located(f)).toEqual({ code: 'E_ENCODING', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(f)).toMatchInlineSnapshot(`"r.yaml: 错误: 文件是 UTF-16 编码，只接受 UTF-8。 提示：在编辑器中“另存为 UTF-8”。 [E_ENCODING]"`);
  });

  test('E_ENCODING: UTF-16 without a BOM is not mistaken for binary', async () => {
    const f = await onlyError(Buffer.from(HEAD, 'utf16le'));
    expect(located(f)).toEqual({ code: 'E_ENCODING', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml: 错误: 文件是 UTF-16 编码（无 BOM），只接受 UTF-8。 提示：在编辑器中“另存为 UTF-8”。 [E_ENCODING]"`,
    );
  });

  test('E_NOT_TEXT: a binary file (a PNG renamed .yaml)', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const f = await onlyError(png);
    expect(located(f)).toEqual({ code: 'E_NOT_TEXT', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml: 错误: 这不是文本文件（含有二进制内容）。 提示：报告数据文件应是 YAML 文本；Word、PDF 原件请用 \`npx jixiao import\` 生成草稿。 [E_NOT_TEXT]"`,
    );
  });

  test('E_EMPTY: an empty file, and one with only comments', async () => {
    const empty = await onlyError('');
    expect(located(empty)).toEqual({ code: 'E_EMPTY', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(empty)).toMatchInlineSnapshot(`"r.yaml: 错误: 文件是空的。 提示：从 templates/report.yaml 复制模板开始填写。 [E_EMPTY]"`);
    const comments = await onlyError(`# 虚构市示例局\n${'#'.repeat(60)}\n  # 待填写\n`);
    expect(located(comments)).toEqual({ code: 'E_EMPTY', file: 'r.yaml', line: undefined, field: undefined });
    expect(formatFinding(comments)).toMatchInlineSnapshot(
      `"r.yaml: 错误: 文件只有注释，没有任何字段。 提示：从 templates/report.yaml 复制模板开始填写。 [E_EMPTY]"`,
    );
  });
});

describe('parse stage: YAML a report must not contain', () => {
  test('E_YAML_SYNTAX: an unclosed quote', async () => {
    const f = await onlyError(replace(MINIMAL, 'title: 2022', 'title: "2022'));
    expect(located(f)).toEqual({ code: 'E_YAML_SYNTAX', file: 'r.yaml', line: 3, field: 'title' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:3: 错误: YAML 格式错误：引号没有闭合，之后的内容都被当成了这段文字。这一行是：「title: "2022年度虚构市示例局部门整体支出绩效自评报告」 提示：在这段文字末尾补上配对的引号；文字本身含引号时，用另一种引号（" 或 '）把它括起来。 [E_YAML_SYNTAX]"`,
    );
  });

  test('E_YAML_SYNTAX: two reports in one file', async () => {
    const f = await onlyError(`${MINIMAL}---\n${MINIMAL}`);
    expect(located(f)).toEqual({ code: 'E_YAML_SYNTAX', file: 'r.yaml', line: 10, field: undefined });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:10: 错误: 一个文件只能有一份报告（发现了多个 \`---\` 分隔的文档）。 提示：每份报告单独存为一个文件。 [E_YAML_SYNTAX]"`,
    );
  });

  test('E_YAML_DUPLICATE_KEY: the same field twice', async () => {
    const f = await onlyError(report('budget:\n  planned: 100\n  spent: 90\n  planned: 110\n'));
    expect(located(f)).toEqual({ code: 'E_YAML_DUPLICATE_KEY', file: 'r.yaml', line: 10, field: 'budget.planned' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:10: 错误: budget.planned：字段 planned 在同一层级出现了两次。 提示：删除或合并重复的字段；YAML 中后写的不会覆盖先写的，而是无效。 [E_YAML_DUPLICATE_KEY]"`,
    );
  });

  test('E_YAML_TAG: a custom tag (!foo)', async () => {
    const f = await onlyError(report('budget:\n  planned: !foo 100\n'));
    expect(located(f)).toEqual({ code: 'E_YAML_TAG', file: 'r.yaml', line: 8, field: 'budget.planned' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: budget.planned：使用了不支持的 YAML 标签 !foo。 提示：删除标签，直接写文字或数字。 [E_YAML_TAG]"`,
    );
  });

  test('E_YAML_TAG: binary data (!!binary)', async () => {
    const f = await onlyError(report('narrative:\n  summary: !!binary 5paH5Lu2\n'));
    expect(located(f)).toEqual({ code: 'E_YAML_TAG', file: 'r.yaml', line: 8, field: 'narrative.summary' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: narrative.summary：使用了不支持的 YAML 标签 !!binary。 提示：删除标签，直接写文字或数字。 [E_YAML_TAG]"`,
    );
  });

  test('E_YAML_ALIAS: a billion-laughs alias bomb is refused, not expanded', async () => {
    const levels = ['lol0: &l0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `lol${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const f = await onlyError(report(`${levels.join('\n')}\n`));
    expect(located(f)).toEqual({ code: 'E_YAML_ALIAS', file: 'r.yaml', line: 8, field: 'lol1[0]' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: lol1[0]：锚点/别名（& 和 *）展开次数过多（从 *l0 开始），文件可能是恶意构造的。 提示：不要使用 & 和 * 引用；把内容直接写出来。 [E_YAML_ALIAS]"`,
    );
  });

  test('E_FORBIDDEN_KEY: __proto__ is refused and pollutes nothing', async () => {
    const f = await onlyError(report('__proto__:\n  polluted: 是\n'));
    expect(located(f)).toEqual({ code: 'E_FORBIDDEN_KEY', file: 'r.yaml', line: 7, field: '__proto__' });
    expect(formatFinding(f)).toMatchInlineSnapshot(`"r.yaml:7: 错误: 字段名 __proto__ 不允许使用。 提示：删除这个字段。 [E_FORBIDDEN_KEY]"`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('shape stage: fields of the wrong name, type or value', () => {
  test('E_UNKNOWN_KEY: a misspelt budget asks whether budget was meant', async () => {
    const f = await onlyError(report('buget:\n  planned: 100\n'));
    expect(located(f)).toEqual({ code: 'E_UNKNOWN_KEY', file: 'r.yaml', line: 7, field: 'buget' });
    expect(f.hint).toBe('是不是要写 budget？');
    expect(formatFinding(f)).toMatchInlineSnapshot(`"r.yaml:7: 错误: 顶层没有字段 buget。 提示：是不是要写 budget？ [E_UNKNOWN_KEY]"`);
  });

  test('E_UNKNOWN_KEY: a misspelt key deeper down names its full field', async () => {
    const f = await onlyError(report('score:\n  indicators:\n    - { name: 示例指标, scroe: 1 }\n'));
    expect(located(f)).toEqual({ code: 'E_UNKNOWN_KEY', file: 'r.yaml', line: 9, field: 'score.indicators[0].scroe' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 错误: score.indicators[0]（指标） 下没有字段 scroe（score.indicators[0].scroe）。 提示：是不是要写 score？ [E_UNKNOWN_KEY]"`,
    );
  });

  test('E_REQUIRED: a missing title, and a missing department name', async () => {
    const title = await onlyError(replace(MINIMAL, 'title: 2022年度虚构市示例局部门整体支出绩效自评报告\n', ''));
    expect(located(title)).toEqual({ code: 'E_REQUIRED', file: 'r.yaml', line: 1, field: 'title' });
    expect(formatFinding(title)).toMatchInlineSnapshot(
      `"r.yaml:1: 错误: 缺少必填字段 title（报告标题）。 提示：参照 templates/report.yaml 补上。 [E_REQUIRED]"`,
    );
    const name = await onlyError(replace(MINIMAL, '  name: 虚构市示例局\n', ''));
    expect(located(name)).toEqual({ code: 'E_REQUIRED', file: 'r.yaml', line: 4, field: 'department.name' });
    expect(formatFinding(name)).toMatchInlineSnapshot(
      `"r.yaml:4: 错误: 缺少必填字段 department.name（部门名称）。 提示：参照 templates/report.yaml 补上。 [E_REQUIRED]"`,
    );
  });

  test('E_REQUIRED: a project report without its project', async () => {
    const f = await onlyError(replace(MINIMAL, 'kind: department', 'kind: project'));
    expect(located(f)).toEqual({ code: 'E_REQUIRED', file: 'r.yaml', line: 1, field: 'project' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:1: 错误: 项目支出报告（kind: project）缺少 project（项目）字段。 提示：写明 project.id 和 project.name。 [E_REQUIRED]"`,
    );
  });

  test('E_TYPE: an amount with a thousands comma, hinting to drop it', async () => {
    const f = await onlyError(report('budget:\n  planned: "28,239.16"\n'));
    expect(located(f)).toEqual({ code: 'E_TYPE', file: 'r.yaml', line: 8, field: 'budget.planned' });
    expect(f.hint).toContain('28239.16');
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: budget.planned（全年预算） 应为数字，实际是文字 "28,239.16"。 提示：去掉千分位逗号，写作 28239.16。 [E_TYPE]"`,
    );
  });

  test('E_TYPE: a rate written with %', async () => {
    const f = await onlyError(report('budget:\n  executionRate: 98.0%\n'));
    expect(located(f)).toEqual({ code: 'E_TYPE', file: 'r.yaml', line: 8, field: 'budget.executionRate' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: budget.executionRate（预算执行率） 应为数字，实际是文字 "98.0%"。 提示：不带 %（百分数只写数字），写作 98.0。 [E_TYPE]"`,
    );
  });

  test('E_ENUM: grade 良好 and kind Department, each with a guess', async () => {
    const grade = await onlyError(report('score:\n  total: 85\n  grade: 良好\n'));
    expect(located(grade)).toEqual({ code: 'E_ENUM', file: 'r.yaml', line: 9, field: 'score.grade' });
    expect(formatFinding(grade)).toMatchInlineSnapshot(
      `"r.yaml:9: 错误: score.grade（评价等级） 应为 优、良、中、差 之一，实际是文字 "良好"。 提示：“良好”即 良，写作 grade: 良。 [E_ENUM]"`,
    );
    const kind = await onlyError(replace(MINIMAL, 'kind: department', 'kind: Department'));
    expect(located(kind)).toEqual({ code: 'E_ENUM', file: 'r.yaml', line: 1, field: 'kind' });
    expect(formatFinding(kind)).toMatchInlineSnapshot(
      `"r.yaml:1: 错误: kind（报告类型） 应为 department（部门整体支出）、project（项目支出） 之一，实际是文字 "Department"。 提示：是不是要写 department？ [E_ENUM]"`,
    );
  });

  test('E_NEGATIVE: a negative amount', async () => {
    const f = await onlyError(report('budget:\n  planned: 100\n  spent: -1.5\n'));
    expect(located(f)).toEqual({ code: 'E_NEGATIVE', file: 'r.yaml', line: 9, field: 'budget.spent' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 错误: budget.spent（实际支出） 不能为负数，实际是 -1.5。 提示：金额、分值和比率都不为负；下降的增长率写在 change 字段。 [E_NEGATIVE]"`,
    );
  });

  test('E_YEAR: a two-digit and a five-digit year', async () => {
    const short = await onlyError(replace(MINIMAL, 'year: 2022', 'year: 22'));
    expect(located(short)).toEqual({ code: 'E_YEAR', file: 'r.yaml', line: 2, field: 'year' });
    expect(formatFinding(short)).toMatchInlineSnapshot(`"r.yaml:2: 错误: year（年度） 22 不是合理的年度。 提示：写四位数的财政年度，如 2022。 [E_YEAR]"`);
    const long = await onlyError(replace(MINIMAL, 'year: 2022', 'year: 20222'));
    expect(located(long)).toEqual({ code: 'E_YEAR', file: 'r.yaml', line: 2, field: 'year' });
    expect(formatFinding(long)).toMatchInlineSnapshot(`"r.yaml:2: 错误: year（年度） 20222 不是合理的年度。 提示：写四位数的财政年度，如 2022。 [E_YEAR]"`);
  });

  test('E_FORMAT: a department id that cannot be part of a URL', async () => {
    const f = await onlyError(replace(MINIMAL, 'id: xugou-shili', 'id: Xugou_Shili'));
    expect(located(f)).toEqual({ code: 'E_FORMAT', file: 'r.yaml', line: 5, field: 'department.id' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:5: 错误: department.id（部门标识） 只能用小写字母、数字和连字符，实际是文字 "Xugou_Shili"。 提示：例如 haizhu-kgsxj（部门名称拼音缩写）；它出现在网址中，各年度保持不变。 [E_FORMAT]"`,
    );
  });

  test('E_FORMAT: a date that does not exist', async () => {
    const f = await onlyError(report('disclosure:\n  publishedDate: 2023-02-30\n'));
    expect(located(f)).toEqual({ code: 'E_FORMAT', file: 'r.yaml', line: 8, field: 'disclosure.publishedDate' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: disclosure.publishedDate（发布日期） 不是有效日期：文字 "2023-02-30"。 提示：写作 YYYY-MM-DD，如 2023-06-30。 [E_FORMAT]"`,
    );
  });

  test('E_EMPTY_VALUE: an empty title and an empty list', async () => {
    const title = await onlyError(replace(MINIMAL, 'title: 2022年度虚构市示例局部门整体支出绩效自评报告', 'title: "  "'));
    expect(located(title)).toEqual({ code: 'E_EMPTY_VALUE', file: 'r.yaml', line: 3, field: 'title' });
    expect(formatFinding(title)).toMatchInlineSnapshot(`"r.yaml:3: 错误: title（报告标题） 是空的。 提示：没有内容就删除这个字段。 [E_EMPTY_VALUE]"`);
    const list = await onlyError(report('keyFigures: []\n'));
    expect(located(list)).toEqual({ code: 'E_EMPTY_VALUE', file: 'r.yaml', line: 7, field: 'keyFigures' });
    expect(formatFinding(list)).toMatchInlineSnapshot(`"r.yaml:7: 错误: keyFigures（主要指标） 是空列表。 提示：没有内容就删除这个字段。 [E_EMPTY_VALUE]"`);
  });

  test('E_RANGE: an evaluation score over 100, and a full mark of 0', async () => {
    const over = await onlyError(report('keyEvaluations:\n  - name: 示例项目\n    score: 105\n'));
    expect(located(over)).toEqual({ code: 'E_RANGE', file: 'r.yaml', line: 9, field: 'keyEvaluations[0].score' });
    expect(formatFinding(over)).toMatchInlineSnapshot(`"r.yaml:9: 错误: keyEvaluations[0].score（评价得分） 太大（至多 100），实际是 105。 [E_RANGE]"`);
    const zero = await onlyError(report('score:\n  max: 0\n'));
    expect(located(zero)).toEqual({ code: 'E_RANGE', file: 'r.yaml', line: 8, field: 'score.max' });
    expect(formatFinding(zero)).toMatchInlineSnapshot(`"r.yaml:8: 错误: score.max（满分） 太小（应大于 0），实际是 0。 [E_RANGE]"`);
  });

  test('E_KIND: a project block in a department report', async () => {
    const f = await onlyError(report('project:\n  id: shili-xiangmu\n  name: 示例项目\n'));
    expect(located(f)).toEqual({ code: 'E_KIND', file: 'r.yaml', line: 7, field: 'project' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:7: 错误: 部门整体报告（kind: department）不应有 project 字段。 提示：如果这是项目支出报告，把 kind 改为 project。 [E_KIND]"`,
    );
  });
});

describe('audit and folder: figures that cannot be, files that clash', () => {
  test('E_SCORE_ABOVE_MAX: an indicator scored over its max', async () => {
    const f = await onlyError(report('score:\n  indicators:\n    - { name: 示例指标, max: 10, score: 12 }\n'));
    expect(located(f)).toEqual({ code: 'E_SCORE_ABOVE_MAX', file: 'r.yaml', line: 9, field: 'score.indicators[0].score' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 错误: score.indicators[0].score：指标“示例指标”得分 12 超过分值 10。 提示：核对原文中的分值和得分。 [E_SCORE_ABOVE_MAX]"`,
    );
  });

  test('E_SCORE_ABOVE_MAX: a total over the full mark', async () => {
    const f = await onlyError(report('score:\n  total: 101\n'));
    expect(located(f)).toEqual({ code: 'E_SCORE_ABOVE_MAX', file: 'r.yaml', line: 8, field: 'score.total' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: score.total：自评得分 101 超过满分 100。 提示：核对原文；满分不是 100 时写 score.max。 [E_SCORE_ABOVE_MAX]"`,
    );
  });

  test('E_DUPLICATE_REPORT: two files claim the same year and department', async () => {
    const dir = await tempDir();
    await writeReport(dir, '2022/a.yaml', MINIMAL);
    await writeReport(dir, '2022/b.yaml', `# 副本\n${MINIMAL}`);
    const errors = errorsOf((await validate(dir)).findings);
    expect(errors).toHaveLength(1);
    expect(located(errors[0])).toEqual({ code: 'E_DUPLICATE_REPORT', file: join('2022', 'b.yaml'), line: 6, field: 'department.id' });
    expect(formatFinding(errors[0]!)).toMatchInlineSnapshot(
      `"2022/b.yaml:6: 错误: department.id：与 2022/a.yaml 是同一份报告（2022 年、部门 xugou-shili）。 提示：删除重复的文件；如果是不同的报告，改正年度、部门标识或项目标识。 [E_DUPLICATE_REPORT]"`,
    );
  });

  test('E_ATTACHMENT_MISSING: an attachment that is not beside the report', async () => {
    const f = await onlyError(report('attachments:\n  - title: 原件\n    file: 示例原件.pdf\n'));
    expect(located(f)).toEqual({ code: 'E_ATTACHMENT_MISSING', file: 'r.yaml', line: 9, field: 'attachments[0].file' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 错误: attachments[0].file：附件文件 示例原件.pdf 不存在。 提示：把附件放在报告文件所在的文件夹，或改正文件名。 [E_ATTACHMENT_MISSING]"`,
    );
  });

  test('E_CONTENT_DIR: a content folder that does not exist', async () => {
    const dir = await tempDir();
    const [f] = (await validateContent(join(dir, 'missing'), { cwd: dir })).findings;
    expect(located(f)).toEqual({ code: 'E_CONTENT_DIR', file: 'missing', line: undefined, field: undefined });
    expect(formatFinding(f!)).toMatchInlineSnapshot(`"missing: 错误: 内容文件夹不存在。 提示：用 --content 指定报告数据文件所在的文件夹。 [E_CONTENT_DIR]"`);
  });
});

test('a valid minimal report has no finding at all', async () => {
  expect((await check(MINIMAL)).findings).toEqual([]);
});
