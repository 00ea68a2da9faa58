/**
 * The county's organisations (codes, names, kinds), from the annex of the pilot-zone plan (领导小组成员单位) plus the towns.
 * The plan names 兴国镇 only; the other towns and districts are Yangxin county's administrative units
 * and should be confirmed by the leading-group office before production.
 */
export type OrganisationKind = 'supervisory-body' | 'police' | 'agency' | 'town' | 'government' | 'other';

export interface OrganisationSeed {
  code: string;
  name: string;
  kind: OrganisationKind;
  demonstration?: boolean;
}

export const ORGANISATIONS: OrganisationSeed[] = [
  { code: 'sfj', name: '县司法局', kind: 'supervisory-body' },
  { code: 'jw', name: '县纪委监委', kind: 'supervisory-body' },
  { code: 'jcy', name: '县检察院', kind: 'supervisory-body' },
  { code: 'rd', name: '县人大常委会', kind: 'supervisory-body' },
  { code: 'gaj', name: '县公安局', kind: 'police' },
  { code: 'zfb', name: '县政府办公室', kind: 'government' },
  { code: 'zzb', name: '县委组织部', kind: 'other' },
  { code: 'cl', name: '县残联', kind: 'other' },
  { code: 'fgj', name: '县发改局', kind: 'agency' },
  { code: 'jyj', name: '县教育局', kind: 'agency' },
  { code: 'kjj', name: '县科学技术局', kind: 'agency' },
  { code: 'jxj', name: '县经信局', kind: 'agency' },
  { code: 'mzj', name: '县民政局', kind: 'agency' },
  { code: 'czj', name: '县财政局', kind: 'agency' },
  { code: 'rsj', name: '县人社局', kind: 'agency' },
  { code: 'zrzyj', name: '县自然资源和规划局', kind: 'agency' },
  { code: 'zjj', name: '县住建局', kind: 'agency' },
  { code: 'cgj', name: '县城管执法局', kind: 'agency' },
  { code: 'jtj', name: '县交通运输局', kind: 'agency' },
  { code: 'slj', name: '县水利和湖泊局', kind: 'agency' },
  { code: 'nyj', name: '县农业农村局', kind: 'agency' },
  { code: 'swj', name: '县商务局', kind: 'agency' },
  { code: 'wlj', name: '县文化和旅游局', kind: 'agency' },
  { code: 'wjj', name: '县卫健局', kind: 'agency' },
  { code: 'tyjrj', name: '县退役军人事务局', kind: 'agency' },
  { code: 'yjj', name: '县应急管理局', kind: 'agency' },
  { code: 'sjj', name: '县审计局', kind: 'agency' },
  { code: 'scjg', name: '县市场监督管理局', kind: 'agency', demonstration: true },
  { code: 'tjj', name: '县统计局', kind: 'agency' },
  { code: 'ybj', name: '县医疗保障局', kind: 'agency' },
  { code: 'xczxj', name: '县乡村振兴局', kind: 'agency' },
  { code: 'sjglj', name: '县政务服务和大数据管理局', kind: 'agency' },
  { code: 'whsd', name: '黄石市网湖湿地自然保护局', kind: 'agency' },
  { code: 'sw', name: '县税务局', kind: 'agency' },
  { code: 'sthjj', name: '县生态环境局', kind: 'agency' },
  { code: 'mzzj', name: '县民族宗教事务局', kind: 'agency' },
  { code: 'xgz', name: '兴国镇', kind: 'town', demonstration: true },
  { code: 'fcz', name: '富池镇', kind: 'town' },
  { code: 'hskz', name: '黄颡口镇', kind: 'town' },
  { code: 'wykz', name: '韦源口镇', kind: 'town' },
  { code: 'tzz', name: '太子镇', kind: 'town' },
  { code: 'dwz', name: '大王镇', kind: 'town' },
  { code: 'tgz', name: '陶港镇', kind: 'town' },
  { code: 'bsz', name: '白沙镇', kind: 'town' },
  { code: 'ftz', name: '浮屠镇', kind: 'town' },
  { code: 'sxz', name: '三溪镇', kind: 'town' },
  { code: 'lgz', name: '龙港镇', kind: 'town' },
  { code: 'ygz', name: '洋港镇', kind: 'town' },
  { code: 'psz', name: '排市镇', kind: 'town' },
  { code: 'mgz', name: '木港镇', kind: 'town' },
  { code: 'flz', name: '枫林镇', kind: 'town' },
  { code: 'wyz', name: '王英镇', kind: 'town' },
  { code: 'jkq', name: '经济开发区', kind: 'town' },
];
