import { TRANSFER_KIND } from '@oversight/contracts';

/** Transfer kinds liaison tracks; the general list lives in contracts (TRANSFER_KIND). */
export const COMPLAINT_INTAKE = TRANSFER_KIND.complaintIntake;
/** 交办: a complaint handed by the justice bureau to the responsible agency. */
export const COMPLAINT_ASSIGNMENT = TRANSFER_KIND.complaintAssignment;

/** The sender of a complaint: a member of the public (never named in the register). */
export const PUBLIC = 'public';
/** The liaison meeting itself, as the sender of its resolutions. */
export const LIAISON_MEETING = 'lxhy';

export const KIND_LABEL: Record<string, string> = {
  [TRANSFER_KIND.complaintIntake]: '投诉举报受理',
  [TRANSFER_KIND.complaintAssignment]: '投诉举报交办',
  [TRANSFER_KIND.criminalCaseTransfer]: '涉嫌犯罪案件移送',
  [TRANSFER_KIND.criminalCaseCopy]: '案件移送抄送',
  [TRANSFER_KIND.caseFilingSupervision]: '立案监督',
  [TRANSFER_KIND.reverseTransfer]: '反向移送',
  [TRANSFER_KIND.transferSuggestion]: '建议移送',
  [TRANSFER_KIND.clueReferral]: '问题线索移送',
  [TRANSFER_KIND.supervisionNotice]: '督办',
  [TRANSFER_KIND.inspectionFinding]: '检查发现问题',
  [TRANSFER_KIND.acceptanceRectification]: '验收整改',
  [TRANSFER_KIND.meetingResolution]: '联席会议议定事项',
  [TRANSFER_KIND.deliberationOpinion]: '审议意见办理',
};

export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;
