import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { ClueModule } from './clue/clue.module';
import { ClueReferralModule } from './clue-referral/clue-referral.module';
import { DISCIPLINE_COMMISSION_ENTITIES } from './discipline-commission.entities';

/** The discipline commission: problem clues referred to it, and its own referrals to the justice bureau. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: SERVICE.disciplineCommission,
          config,
          entities: DISCIPLINE_COMMISSION_ENTITIES,
        }),
        ClueModule,
        ClueReferralModule,
      ],
    };
  }
}
