import { isUUID } from 'class-validator';
import { BODY, JOB, PROCESS, TOPIC } from '@oversight/contracts';
import type { ClueReferralSender } from '@oversight/clue-referral';
import { checkUploadedFile, unprocessable } from '@oversight/platform';
import { ATTACHMENT_RULES } from '../complaint/attachment.service';
import { ComplaintEntity } from '../complaint/complaint.entity';
import { CLUE_DEADLINE_RULES } from './deadline-rules';

/** The justice bureau as the sender of problem-clue referrals to the discipline commission. */
export const BUREAU_CLUE_REFERRAL_SENDER: ClueReferralSender = {
  org: BODY.justiceBureau,
  receiverOrg: BODY.disciplineCommission,
  label: 'bureau',
  schema: 'justice_bureau',
  referencePrefix: '阳司线移',
  process: PROCESS.bureauClueReferralSending,
  topics: {
    drafted: TOPIC.bureauClueReferralDrafted,
    sent: TOPIC.bureauClueReferralSent,
    feedbackReminded: TOPIC.bureauClueFeedbackReminded,
    receiptIssued: TOPIC.commissionClueReceiptIssued,
    statusReported: TOPIC.commissionClueStatusReported,
    resultReported: TOPIC.commissionClueResultReported,
  },
  jobs: {
    recordSubmission: JOB.bureauRecordReferralSubmission,
    recordApproval: JOB.bureauRecordReferralApproval,
    send: JOB.bureauSendClueReferral,
    raiseFeedbackNotice: JOB.bureauRaiseFeedbackNotice,
    close: JOB.bureauCloseClueReferral,
  },
  rules: CLUE_DEADLINE_RULES,
  validateEvidenceFile: (file) => checkUploadedFile(file, ATTACHMENT_RULES),
  /** A complaint as the source must be one of the bureau's complaints. */
  async checkSource({ sourceType, sourceRef }, dataSource) {
    if (sourceType !== 'complaint') return;
    const exists =
      isUUID(sourceRef) && (await dataSource.getRepository(ComplaintEntity).existsBy({ id: sourceRef }));
    if (!exists) {
      throw unprocessable({
        zh: `来源投诉“${sourceRef}”不存在，请填写投诉编号。`,
        en: `No complaint "${sourceRef}"; give the complaint's id as the source reference.`,
      });
    }
  },
};
