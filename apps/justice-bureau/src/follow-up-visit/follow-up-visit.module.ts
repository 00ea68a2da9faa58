import { Module } from '@nestjs/common';
import { AgencyFollowUpCaseController } from './agency-follow-up-case.controller';
import { FollowUpVisitController } from './follow-up-visit.controller';
import { FollowUpVisitService } from './follow-up-visit.service';

/** Follow-up visits (回访), domain.md §3, plan 四（四）2. */
@Module({
  controllers: [FollowUpVisitController, AgencyFollowUpCaseController],
  providers: [FollowUpVisitService],
})
export class FollowUpVisitModule {}
