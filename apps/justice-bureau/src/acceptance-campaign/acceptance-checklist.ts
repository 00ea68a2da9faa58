/**
 * The scoring checklist of the creation-stage acceptance (先行区创建验收), derived item by item from the
 * five task areas of the county plan (《关于创建“一体四化”行政执法协调监督工作体系先行区实施方案》, 四、工作任务
 * (一)–(五)). Each item names the plan section it comes from, what a unit must show, the evidence the
 * acceptance team expects, and its weight.
 *
 * The plan sets the tasks but not the points: the weights (100 in all for a town; 93 for a county
 * department, which has no delegated-powers list and no town supervisor pool) are the leading-group
 * office's proposal [local] and are changed here, not in the code. A campaign keeps a copy of the
 * checklist it started with, so a later change does not move a running campaign's scores.
 */

export type UnitKind = 'agency' | 'town';

export interface ChecklistArea {
  /** 1–5, the plan's (一)–(五). */
  code: string;
  title: string;
  planSection: string;
}

export interface ChecklistItem {
  /** Stable code, `<area>.<n>`. */
  code: string;
  area: string;
  /** Where the plan says it, e.g. 四（三）2. */
  planSection: string;
  title: string;
  /** What the unit must have done, in the plan's words as they apply to one unit. */
  requirement: string;
  /** The evidence (佐证材料) the unit attaches and the team checks. */
  evidence: string[];
  /** Maximum points. */
  weight: number;
  /** Which units the item applies to; all when absent. */
  appliesTo?: UnitKind[];
}

export interface Checklist {
  version: string;
  source: string;
  areas: ChecklistArea[];
  items: ChecklistItem[];
}

export const ACCEPTANCE_CHECKLIST: Checklist = {
  version: '2022-06-20/1',
  source:
    '阳新县人民政府办公室《关于创建“一体四化”行政执法协调监督工作体系先行区实施方案》（2022年6月20日）四、工作任务',
  areas: [
    { code: '1', title: '着力构建行政执法协调监督工作体系', planSection: '四（一）' },
    { code: '2', title: '着力加强执法队伍专业化建设', planSection: '四（二）' },
    { code: '3', title: '着力加强执法行为规范化建设', planSection: '四（三）' },
    { code: '4', title: '着力加强执法监督常态化建设', planSection: '四（四）' },
    { code: '5', title: '着力加强执法考核精细化建设', planSection: '四（五）' },
  ],
  items: [
    {
      code: '1.1',
      area: '1',
      planSection: '四（一）1',
      title: '协同监督机制',
      requirement: '成立本单位创建工作专班，建立监督检查、信息共享、线索移交等协作监督制度并落实',
      evidence: ['创建工作专班成立文件', '协作监督制度文件', '信息共享或线索移交记录'],
      weight: 5,
    },
    {
      code: '1.2',
      area: '1',
      planSection: '四（一）2',
      title: '执法协作与衔接机制',
      requirement:
        '建立行政审批、监管、处罚等执法行为相互衔接机制，完善乡镇综合执法机构与赋权行政机关之间的案件移送、协作机制，开展联合执法',
      evidence: ['衔接或协作机制文件', '案件移送或联合执法记录'],
      weight: 4,
    },
    {
      code: '1.3',
      area: '1',
      planSection: '四（一）3',
      title: '行政执法与刑事司法衔接',
      requirement: '落实两法衔接联席会议制度，规范线索通报、案件移送、联合督查',
      evidence: ['联席会议纪要', '线索通报或案件移送台账'],
      weight: 4,
    },
    {
      code: '1.4',
      area: '1',
      planSection: '四（一）4',
      title: '与纪检监察机关双向协作',
      requirement: '规范问题线索移送程序和办理流程，落实行政执法责任制',
      evidence: ['问题线索移送制度', '问题线索移送台账或执法责任制文件'],
      weight: 4,
    },
    {
      code: '1.5',
      area: '1',
      planSection: '四（一）5',
      title: '规范性文件备案审查发布',
      requirement: '规范性文件按规定报送备案审查，并在官方网站统一发布',
      evidence: ['规范性文件备案审查登记', '官方网站发布截图'],
      weight: 3,
    },
    {
      code: '2.1',
      area: '2',
      planSection: '四（二）1',
      title: '执法人员资格管理',
      requirement: '执法人员持证上岗、亮证执法，无编制证明文件的不申领执法证，常态化开展资格清理',
      evidence: ['执法人员持证名册', '执法主体和人员资格清理记录'],
      weight: 7,
    },
    {
      code: '2.2',
      area: '2',
      planSection: '四（二）2',
      title: '执法人员常态化培训',
      requirement: '编制培训计划，每名执法人员全年集中培训不低于5个工作日，开展“一月一法”学习和执法知识抽考',
      evidence: ['年度培训计划', '培训签到及学时记录', '“一月一法”或抽考记录'],
      weight: 7,
    },
    {
      code: '2.3',
      area: '2',
      planSection: '四（二）3',
      title: '执法辅助人员管理',
      requirement: '制定执法辅助人员管理规范，每名执法辅助人员全年培训不少于3天',
      evidence: ['执法辅助人员管理规范', '辅助人员培训记录'],
      weight: 6,
    },
    {
      code: '3.1',
      area: '3',
      planSection: '四（三）1',
      title: '行政执法“三项制度”',
      requirement: '落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，推行法制机构统一审核',
      evidence: ['“三项制度”工作要点', '执法公示截图', '全过程记录和法制审核记录'],
      weight: 6,
    },
    {
      code: '3.2',
      area: '3',
      planSection: '四（三）2',
      title: '行政执法事项目录清单',
      requirement: '梳理并公布行政执法事项目录清单，明确承办、审核、审批责任并动态调整',
      evidence: ['行政执法事项目录清单', '清单公布截图'],
      weight: 4,
    },
    {
      code: '3.3',
      area: '3',
      planSection: '四（三）3',
      title: '镇（区）赋权目录清单',
      requirement: '完成镇（区）综合行政执法改革，编制并公布赋权目录清单',
      evidence: ['赋权目录清单', '清单公布截图'],
      weight: 4,
      appliesTo: ['town'],
    },
    {
      code: '3.4',
      area: '3',
      planSection: '四（三）4',
      title: '改进行政执法方式',
      requirement: '推行包容审慎监管、“四张清单”“一案三书”制度，运用柔性执法方式',
      evidence: ['“四张清单”', '“一案三书”文书样本'],
      weight: 4,
    },
    {
      code: '3.5',
      area: '3',
      planSection: '四（三）5',
      title: '投诉举报机制',
      requirement: '公布投诉举报电话，完善办理程序和督办机制，定期向社会公布投诉举报办理情况',
      evidence: ['投诉举报制度', '投诉举报电话公布截图', '办理情况公布材料'],
      weight: 4,
    },
    {
      code: '3.6',
      area: '3',
      planSection: '四（三）6',
      title: '行政执法负面清单',
      requirement: '将投诉多、纠错多、问题多的执法事项和执法人员纳入负面清单，作为重点监督对象',
      evidence: ['行政执法负面清单'],
      weight: 3,
    },
    {
      code: '4.1',
      area: '4',
      planSection: '四（四）1',
      title: '执法监督文书和电子案卷',
      requirement: '使用统一的监督检查立案审批表、处理审批表、处理决定通知书、建议书，探索电子案卷',
      evidence: ['执法监督文书样本', '电子执法案卷'],
      weight: 3,
    },
    {
      code: '4.2',
      area: '4',
      planSection: '四（四）2',
      title: '案件回访制度',
      requirement: '建立行政执法、行政复议、行政诉讼案件回访制度，明确回访比例、人员和结果处理',
      evidence: ['案件回访制度', '回访记录'],
      weight: 4,
    },
    {
      code: '4.3',
      area: '4',
      planSection: '四（四）3',
      title: '案卷评查与“四个面对面”',
      requirement: '开展年度执法检查、交叉评查或第三方评查，开展“四个面对面”执法监督活动和案例指导',
      evidence: ['案卷评查记录', '“四个面对面”活动记录'],
      weight: 4,
    },
    {
      code: '4.4',
      area: '4',
      planSection: '四（四）4',
      title: '执法问题专项整治',
      requirement: '梳理执法风险点，选择领域开展执法问题专项整治',
      evidence: ['专项整治方案', '整治情况报告'],
      weight: 3,
    },
    {
      code: '4.5',
      area: '4',
      planSection: '四（四）5',
      title: '执法监督网络平台',
      requirement: '向“法治阳新”公众号“行政执法监督”专栏报送执法信息和典型案例',
      evidence: ['信息报送记录或专栏截图'],
      weight: 2,
    },
    {
      code: '4.6',
      area: '4',
      planSection: '四（四）6',
      title: '行政执法监督员',
      requirement: '配合选聘行政执法监督员，邀请监督员参加执法监督活动',
      evidence: ['监督员名册或聘任文件', '监督员参与活动记录'],
      weight: 3,
    },
    {
      code: '4.7',
      area: '4',
      planSection: '四（四）7',
      title: '乡镇执法监督骨干库',
      requirement: '以乡镇人大、司法行政队伍为核心，吸纳农村法律顾问、法律明白人等组建执法监督骨干库',
      evidence: ['执法监督骨干库名册'],
      weight: 3,
      appliesTo: ['town'],
    },
    {
      code: '4.8',
      area: '4',
      planSection: '四（四）8',
      title: '执法监督企业联系点',
      requirement: '选取企业作为执法监督联系点，每年走访1-2次并调查执法满意度',
      evidence: ['企业联系点名单', '走访记录或满意度问卷'],
      weight: 3,
    },
    {
      code: '5.1',
      area: '5',
      planSection: '四（五）1',
      title: '监督结果应用',
      requirement: '将行政执法工作情况纳入法治建设考核和一把手“述法”报告，与表彰奖励、职级晋升挂钩',
      evidence: ['考核方案或述法报告'],
      weight: 4,
    },
    {
      code: '5.2',
      area: '5',
      planSection: '四（五）2',
      title: '执法绩效考评与年度报告',
      requirement: '配合年度执法绩效考评，建立依法行政年度报告和发布机制',
      evidence: ['依法行政年度报告', '报告发布截图'],
      weight: 4,
    },
    {
      code: '5.3',
      area: '5',
      planSection: '四（五）3',
      title: '监督员管理考核',
      requirement: '落实行政执法监督员聘请、奖励淘汰、学习培训和管理考核制度',
      evidence: ['监督员管理考核制度或记录'],
      weight: 2,
    },
  ],
};

/** The items that apply to a unit of the given kind. */
export function applicableItems(checklist: Checklist, kind: UnitKind): ChecklistItem[] {
  return checklist.items.filter((item) => !item.appliesTo || item.appliesTo.includes(kind));
}
