/**
 * Form knowledge as data: what the labels of 绩效自评 forms mean, province by province. The
 * readers (cells.ts, figures.ts, indicators.ts, metadata.ts) match cells and phrases against
 * these tables and hold no form wording of their own, so supporting a new province's form is
 * adding its label variants here. Every pattern is anchored and linear (no nested quantifiers).
 */

/** Column roles of a 自评表 header cell. */
export type Role =
  | 'l1'
  | 'l2'
  | 'l3'
  | 'name'
  | 'nature'
  | 'target'
  | 'unit'
  | 'actual'
  | 'max'
  | 'score'
  | 'weightPct'
  | 'weighted'
  | 'rate'
  /** 得分系数(%) of the Chongqing 部门整体 form: 指标得分 = 指标权重 × 得分系数. */
  | 'coef'
  /** 是否核心指标 (是 / 否). */
  | 'core'
  /** A header cell the vocabulary does not know, between two it knows (an OCR'd "年成值全完值"). */
  | 'other'
  | 'note'
  | 'initial'
  | 'planned'
  | 'received'
  | 'spent';

/**
 * Header cell → role, first match wins (the cell is folded and stripped of spaces first).
 * 年初预算 / 年初预算数; 全年预算数 / 调整后预算数 / 预算数(A); 全年执行数 / 预算执行数 / 执行数(B);
 * 执行率 / 执行率(B/A) / 预算执行率 / 预算执行进度(%); 分值 / 权重 / 指标分值; 得分 / 自评得分 /
 * 单项指标得分; 年度指标值 / 目标值 / 指标值; 实际完成值 / 完成值 / 全年实际值 …
 */
export const HEADER_ROLES: [RegExp, Role][] = [
  [/^一级指标/, 'l1'],
  [/^二级指标/, 'l2'],
  [/^三级指标/, 'l3'],
  [/^(?:绩效)?指标名称$/, 'name'],
  [/^指标性质$|^符号$/, 'nature'],
  [/^(?:度量|计量)单位|^单位\(文字描述\)$/, 'unit'],
  [/^(?:单项指标)?折算得分|^单项指标折算得分$/, 'weighted'],
  [/^权重占比/, 'weightPct'],
  [/^得分系数/, 'coef'],
  [/^是否核心指标$/, 'core'],
  [/^(?:年初|调整|全年)指标值$/, 'target'],
  [/实际完成|实际值|^(?:单项指标)?完成值|全年完成值|实际完成情况/, 'actual'],
  [/完成情况$/, 'note'],
  [/(?:年度指标值|^指标值|目标值|预期值|预期指标值|预期目标)/, 'target'],
  [/^(?:分值|权重|满分|标准分|指标分值|指标权重)/, 'max'],
  [/^(?:单项指标)?得分(?:\(.*\))?$|^自评得分|^指标得分|评分$/, 'score'],
  [/^(?:预算|资金|总体)?(?:执行率|执行进度|完成率|得分率)/, 'rate'],
  [/(?:原因|备注|说明|措施)/, 'note'],
  [/^年初预算/, 'initial'],
  [/^(?:全年预算|调整后预算|年度预算数$|预算数|全年\(调整\)预算|预算安排)/, 'planned'],
  [/^(?:到位数|资金到位)/, 'received'],
  [/^(?:全年执行|预算执行数|执行数|实际支出|支出数|决算数|资金执行情况)/, 'spent'],
];

/** Indicator tree levels that a form prints before the leaf (一级 / 二级 names), optionally with (N分). */
export const LEVEL_NAME =
  /^(?:产出|效益|效果|满意度|成本|决策|过程|管理|履职|数量|质量|时效|日效性|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度|群众满意度|其他)\s*指标(?:等)?\s*(?:\(\s*\d+(?:\.\d+)?\s*分\s*\))?$/;

/**
 * The form's own numbering of a leaf row ("指标1:", "任务2:"), on folded text: a cell that is only
 * this is the template's empty row, never a name; before a name it is taken off.
 */
export const ROW_NUMBERING = /^(?:任务|指标)\s*\d{1,2}\s*[:：]\s*/;
export const EMPTY_ROW = /^(?:任务|指标)\s*\d{1,2}\s*:?$/;
/** A level's weight on a line of its own under its name: "(30分)". */
export const LEVEL_WEIGHT = /^\(\s*\d+(?:\.\d+)?\s*分\s*\)$/;

/** Cells that close the indicator table: its total row. */
export const TOTAL_LABEL = /^(?:合计|总计|总分|小计|自评总分|得分合计|总体得分|综合得分)$/;
/** Total labels that may hold only the weight sum: a single number after them is not a score. */
export const WEIGHT_TOTAL_LABEL = /^(?:合计|总计|小计)$/;

/** Labels of the total score, in a cell or a phrase ("自评总分(分)97.93", "项目自评分:100分"). */
export const TOTAL_SCORE_LABEL = /^(?:总分|自评总分|自评得分|综合得分|综合评分|评价得分|总得分|自评分数|项目自评分|自评分)(?:\(分\))?$/;
export const TOTAL_SCORE_PHRASE = '(?:自评总分|项目自评分|自评得分|综合评分|评价得分)(?:\\(分\\))?';

/** Labels of the grade. */
export const GRADE_LABEL = /^(?:评价等级|自评等级|绩效等级|等级|自评结果)$/;
/** Grade words as forms write them → the schema's grade; 合格 / 不合格 name no grade of 财预〔2020〕10号 (''). */
export const GRADES: Record<string, string> = { 优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 差: '差', 合格: '', 不合格: '' };
/** The grade words, longest first, for patterns: 优秀 before 优, 不合格 before 合格. */
export const GRADE_WORD = '(优秀?|良好?|中等?|差|不合格|合格)';

/** Operators as forms print them, and what they mean. */
export const OPERATORS: Record<string, string> = {
  '≥': '≥',
  '≧': '≥',
  '>=': '≥',
  '≤': '≤',
  '≦': '≤',
  '<=': '≤',
  '=': '=',
  '═': '=',
  '＝': '=',
  '>': '>',
  '<': '<',
};

/** Money units; 万美元 is money but never a budget figure. */
export const BUDGET_UNITS = ['元', '万元', '亿元'] as const;
/** The indicator the form's 预算执行 row makes (分值 and 得分 of the money table). */
export const EXECUTION_INDICATOR = '预算执行';
export type BudgetUnit = (typeof BUDGET_UNITS)[number];
/** A unit stated in a cell, a header or a caption: "(万元)", "金额单位: 万元", "864.2万". */
export const UNIT_IN_TEXT = /(万美元|亿元|万元|元)/;

/** Row labels of the money table: the total row and the funding-source rows. */
export const MONEY_TOTAL_ROW =
  /^(?:年度资金总额|资金总额|总额|合计|总计|项目资金|预算资金|部门预算|部门整体支出总额|年度总金额|年度部门整体支出|整体支出总额)[:：]?$/;
export const SOURCE_ROW =
  /^(?:其中[:：]?)?(一般公共预算|政府性基金预算?|国有资本经营预算?|财政专户(?:管理资金)?|单位资金|单位自有资金|(?:本年|当年)?财政(?:拨款|资金)|上年结转(?:结余)?资金?|其他资金)/;

/** Label–value pairs of the cover block: field → labels (folded, spaces removed, colon dropped). */
export const COVER_LABELS = {
  department: /^(?:部门|部门名称|单位名称|部门\(单位\)名称|预算部门|预算单位|预算部门[、(]单位\)?名称|填报单位)$/,
  implementer: /^(?:实施单位|实施单位\(盖章\)|项目实施单位|实施\(主管\)单位)$/,
  supervisor: /^主管部门$/,
  project: /^项目名称$/,
  unit: /^金额单位$/,
  year: /^(?:年度|报告年度|评价年度|所属年度)$/,
  filed: /^(?:填报日期|报告日期|填表日期)$/,
} as const;

/**
 * Money in prose: field → phrases that introduce the amount ("指标金额是110万元",
 * "2022年支出76.36万元", "财政拨款支出合计2024.05万元"). A phrase must be followed by the amount
 * and a money unit within a few characters.
 */
export const PROSE_MONEY: [field: 'initial' | 'planned' | 'spent' | 'basic' | 'project', phrase: string][] = [
  ['initial', '年初预算(?:数|金额|资金)?'],
  ['planned', '(?:全年预算|调整后预算|年度预算|预算总额|调整预算后(?:项目)?预算|预算收入|指标金额)(?:数|金额|资金|安排)?'],
  [
    'spent',
    '(?:全年实际支出|全年支出|实际支出|全年执行数|执行数|支出总额|实际执行|决算支出|实际使用资金|支出数|实际拨付(?:金额|资金)?|财政拨款支出合计|(?<=年|^|[,:、;\\s])支出(?:合计)?)(?:数|金额)?',
  ],
  ['basic', '基本支出'],
  ['project', '项目支出'],
];

/** Label–value money cells of a table (| 全年预算数（万元） | 350.00 |): field → label, anchored by the reader. */
export const TABLE_MONEY_LABELS: [field: 'initial' | 'planned' | 'spent' | 'basic' | 'project', label: string][] = [
  ['initial', '年初预算(?:数|金额|资金)?'],
  ['planned', '(?:全年预算|调整后预算|年度预算|预算总额)(?:数|金额|资金|安排)?'],
  ['spent', '(?:全年实际支出|全年支出|实际支出|全年执行数|执行数|支出总额|实际执行|决算支出|实际使用资金|支出数)(?:数|金额)?'],
  ['basic', '基本支出'],
  ['project', '项目支出'],
];
/** The execution rate's label in a label–value cell. */
export const TABLE_RATE_LABEL = /^(?:预算执行率|预算完成率|资金执行率|执行率)(?:\(%\))?$/;
/** Funding-source names, in a row label or a sentence. */
export const SOURCE_NAME =
  /(一般公共预算|政府性基金预算?|国有资本经营预算?|财政专户(?:管理资金)?|单位资金|单位自有资金|当年财政拨款|上年结转(?:结余)?资金?|其他资金)/;

/** An income budget in prose: taken for the spending budget only when its parts follow and add up. */
export const PROSE_INCOME = /预算收入/;
export const PROSE_INCOME_PARTS = { initial: '年初预算(?:数)?', adjusted: '(?:调整|追加|调增)' } as const;

/**
 * Money in a narrative report's sentence, read only as a triple the sentence confirms itself:
 * what was planned, what was spent and the rate ("项目资金共计860万元，截至年底已拨付812.4万元，
 * 执行率94.5%"). Each phrase is followed by the amount within a few characters.
 */
export const PROSE_TRIPLE = {
  planned:
    '(?:项目资金|专项资金|补助资金|资金|预算|年初预算|全年预算)(?:共计|总额|合计|总计)?(?:安排|下达|到位)?(?:资金)?(?:为|共|共计|合计)?|(?:安排|下达|到位)(?:资金|预算)?(?:共计|合计)?',
  spent: '(?:已|实际|累计)?(?:拨付|支出|执行|使用|支付)(?:资金)?(?:共计|合计)?',
  rate: '(?:预算)?(?:执行率|完成率|支付率|拨付率)(?:为|达到?|是)?',
} as const;

/** Title phrases naming the report kind. */
export const KIND_DEPARTMENT = /部门整体|整体支出|整体绩效|部门绩效|机关整体/;
export const KIND_PROJECT = /项目|专项资金|经费|补助资金|发展资金/;
/** Cells or labels that only a department (整体) form has. */
export const DEPARTMENT_FORM_LABEL = /^(?:部门整体支出总额|基本支出总额|年度部门整体支出|部门\(单位\)名称)$/;

/** Suffixes of a unit's name: the end of a department in a title (科 and 股: the sections of a bureau that fill a form). */
export const UNIT_SUFFIX = /(?:局|委员会|委|办公室|办|厅|院|中心|政府|办事处|街道|镇|乡|所|站|队|馆|部|会|处|科|股|学校|中学|小学|医院|公司|协会|联合会)$/;

/** Lines a document-sharing site or a CMS wraps around a report. */
export const SHARE_SITE = /由会员分享|可在线阅读|请在.{0,12}上搜索|文库网|文档网|小编为您整理/;

/**
 * What a department's or project's name never holds, with the reason staff are told: a name read
 * with one of these is a misread cell (a label, page furniture, a date, a placeholder) and is left
 * empty. Matched on folded text.
 */
export const NOT_A_NAME: [RegExp, string][] = [
  [/[*×]{2,}|[xX]{3,}|^[*×xX]+$/, '含有占位符（如“**”“××”）'],
  [/(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|\d{4}-\d{1,2}-\d{1,2}/, '含有日期'],
  [
    /填报日期|发布日期|发布时间|时效性|索引号|此页|封面|联系电话|负责人|(?:主管|实施)\s*单\s*位|项目名称|单位名称|部门名称|金额单位/,
    '含有表格栏目名或网页上的文字',
  ],
  [/由会员分享|可在线阅读|文库网|文档网|小编/, '含有文档分享网站的文字'],
];
/** What is cut out of a name read with furniture around it: labels with their values, dates, placeholders. */
export const NAME_FURNITURE =
  /(?:发布日期|发布时间|成文日期|填报日期)\s*:?\s*(?:\d{4}\s*[-年]\s*\d{1,2}\s*[-月]\s*\d{1,2}\s*日?)?|时效性\s*:?\s*(?:有效|失效|已废止|废止)?|索引号\s*:?\s*[\w/-]*|[*×]{2,}|\(此页为封面\)|此页为封面|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g;
/** A project's name that is really a piece of the title or a place: "…专项资金绩效自", "林业施甸县". */
export const NOT_A_PROJECT_NAME: [RegExp, string][] = [
  [/绩效|自评|评价报告|自评表/, '是报告标题的一部分'],
  [/[县市区省]$/, '以地名结尾'],
];

/** Label words a fused line (every cell border lost) is cut before; the longest match wins. */
export const FUSED_WORDS = [
  '项目名称',
  '项目负责人及电话',
  '项目负责人',
  '联系电话',
  '部门联系人',
  '主管部门',
  '实施单位',
  '单位名称',
  '填报日期',
  '资金情况(万元)',
  '项目资金(万元)',
  '自评总分(分)',
  '年初预算数',
  '全年预算数(A)',
  '全年预算数',
  '全年(调整)预算数',
  '全年执行数(B)',
  '全年执行数',
  '执行率(B/A)',
  '执行率权重',
  '执行率得分',
  '分值',
  '得分',
  '年度资金总额:',
  '年度资金总额',
  '年度总金额',
  '其中:本年财政拨款',
  '其中财政拨款',
  '上年结转资金',
  '其他资金',
  '年度总体目标',
  '年初设定目标',
  '年度总体目标完成情况综述',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标名称',
  '计量单位',
  '指标性质',
  '指标权重(分)',
  '全年完成值',
  '指标得分(分)',
  '说明',
  '年度指标值',
  '年初指标值',
  '调整指标值',
  '得分系数(%)',
  '是否核心指标',
  '全年实际值',
  '未完成原因及拟采取的改进措施',
  '总分',
] as const;
/** Level names in a fused line, with their points: "产出指标(70分)", or the bare weight of a 一级 cell ("管理指标30"). */
export const FUSED_LEVEL =
  '(?:经济效益|社会效益|生态效益|可持续影响|服务对象满意度|产出|效益|效果|满意度|管理|履职|数量|质量|时效|成本)指标(?:\\(\\d{1,3}分\\)|\\d{1,3}(?![\\d.%]))?';
