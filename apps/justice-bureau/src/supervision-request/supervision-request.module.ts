import { Module } from '@nestjs/common';
import { RequestedSupervisionCaseChangedConsumer } from './requested-supervision-case-changed.consumer';

/** The supervision cases asked for by the case-file review and the follow-up visits, seen from them. */
@Module({ providers: [RequestedSupervisionCaseChangedConsumer] })
export class SupervisionRequestModule {}
