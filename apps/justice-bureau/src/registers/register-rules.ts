/**
 * The plan's figures for the registers, as data with their citation (the county plan, seed/yangxin-pilot-zone-plan.zh.txt).
 * Training minima are also stored in `training_requirement` (seeded from these, changeable by the bureau's
 * head); the rest are read from here.
 */
export const PLAN = '《实施方案》';

export const REGISTER_RULES = {
  /** No staffing proof, no certificate. */
  certificateNeedsStaffingProof: {
    basis: `${PLAN} 四（二）1：无编制证明文件的一律禁止申领行政执法证`,
  },
  /** Officers' training: at least 5 working days a year of central training. */
  officerTrainingDays: { days: 5, basis: `${PLAN} 四（二）2：每名执法人员全年集中培训不低于5个工作日` },
  /** Auxiliaries' training: at least 3 days a year. */
  auxiliaryTrainingDays: { days: 3, basis: `${PLAN} 四（二）3：每名执法辅助人员全年培训不少于3天` },
  /** Hours of training that count as one day when a record gives hours only. Local practice. */
  hoursPerTrainingDay: { hours: 8, basis: 'local：按每日8学时折算' },
  /** A suspension longer than this is flagged in the annual clean-up. Local practice. */
  suspensionReviewAfterDays: { days: 180, basis: 'local：暂扣超过180日的证件列入年度清理' },
  /** Enterprise contact points are visited 1–2 times a year. */
  contactPointVisits: { min: 1, max: 2, basis: `${PLAN} 四（四）8：每年走访1-2次，着重调查执法满意度` },
  negativeList: { basis: `${PLAN} 四（三）6：建立行政执法负面清单` },
  catalogue: {
    basis: `${PLAN} 四（三）2：梳理行政执法事项目录清单并加以公布`,
    delegatedBasis: `${PLAN} 四（三）3：编制镇(区)赋权目录清单并公布`,
  },
  supervisors: {
    basis: `${PLAN} 四（四）6：建立行政执法监督员制度`,
    townPoolBasis: `${PLAN} 四（四）7：建立乡镇执法监督骨干库`,
  },
} as const;

/** The justice bureau administers the registers; every other organisation sees and keeps its own. */
export const BUREAU = 'sfj';
