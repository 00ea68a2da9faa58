import { Module } from '@nestjs/common';
import { clueReferralSendingProviders } from '@oversight/clue-referral';
import { ClueReferralController } from './clue-referral.controller';
import { BUREAU_CLUE_REFERRAL_SENDER } from './clue-referral.sender';
import { ComplaintMisconductFoundConsumer } from './complaint-misconduct-found.consumer';

/** Problem-clue referrals from the justice bureau to the discipline commission (sending side). */
@Module({
  controllers: [ClueReferralController],
  providers: [...clueReferralSendingProviders(BUREAU_CLUE_REFERRAL_SENDER), ComplaintMisconductFoundConsumer],
})
export class ClueReferralModule {}
