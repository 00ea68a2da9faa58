import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { LIAISON_ENTITIES } from './liaison.entities';
import { MeetingModule } from './meeting/meeting.module';
import { TransferModule } from './transfer/transfer.module';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({ service: SERVICE.liaison, config, entities: LIAISON_ENTITIES }),
        TransferModule,
        MeetingModule,
      ],
    };
  }
}
