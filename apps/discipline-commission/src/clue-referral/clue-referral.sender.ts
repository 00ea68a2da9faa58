import { BODY, JOB, PROCESS, TOPIC } from '@oversight/contracts';
import type { ClueReferralSender } from '@oversight/clue-referral';
import { checkUploadedFile, FILE_TYPE, UploadedFileData, UploadRules } from '@oversight/platform';
import { CLUE_DEADLINE_RULES } from '../deadline/deadline-rules';

export type { UploadedFileData };

export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

/** Evidence files of a referral: up to 10 MB, PDF, images or Word (checked by content, not by name). */
export const EVIDENCE_FILE_RULES: UploadRules = {
  maxBytes: MAX_EVIDENCE_FILE_BYTES,
  types: [FILE_TYPE.pdf, FILE_TYPE.jpeg, FILE_TYPE.png, FILE_TYPE.docx],
  noun: { zh: '文件', en: 'File' },
  resubmitZh: '提交',
};

/** The discipline commission as the sender of clues of enforcement failings to the justice bureau. */
export const COMMISSION_CLUE_REFERRAL_SENDER: ClueReferralSender = {
  org: BODY.disciplineCommission,
  receiverOrg: BODY.justiceBureau,
  label: 'commission',
  schema: 'discipline_commission',
  referencePrefix: '阳纪线移',
  process: PROCESS.commissionClueReferralSending,
  topics: {
    drafted: TOPIC.commissionClueReferralDrafted,
    sent: TOPIC.commissionClueReferralSent,
    feedbackReminded: TOPIC.commissionClueFeedbackReminded,
    receiptIssued: TOPIC.bureauClueReceiptIssued,
    statusReported: TOPIC.bureauClueStatusReported,
    resultReported: TOPIC.bureauClueResultReported,
  },
  jobs: {
    recordSubmission: JOB.commissionRecordReferralSubmission,
    recordApproval: JOB.commissionRecordReferralApproval,
    send: JOB.commissionSendClueReferral,
    raiseFeedbackNotice: JOB.commissionRaiseFeedbackNotice,
    close: JOB.commissionCloseClueReferral,
  },
  rules: CLUE_DEADLINE_RULES,
  validateEvidenceFile: (file) => checkUploadedFile(file, EVIDENCE_FILE_RULES),
};
