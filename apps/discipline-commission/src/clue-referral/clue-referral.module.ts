import { Module } from '@nestjs/common';
import { clueReferralSendingProviders } from '@oversight/clue-referral';
import { ClueReferralController } from './clue-referral.controller';
import { COMMISSION_CLUE_REFERRAL_SENDER } from './clue-referral.sender';

/** Clues of enforcement failings the commission refers to the justice bureau (sending side, 双向协作). */
@Module({
  controllers: [ClueReferralController],
  providers: clueReferralSendingProviders(COMMISSION_CLUE_REFERRAL_SENDER),
})
export class ClueReferralModule {}
