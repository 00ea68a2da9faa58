import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { ProcessAdminModule } from './process-admin/process-admin.module';
import { ProcessModelVersionEntity } from './process-admin/process-model-version.entity';
import { TaskCompletionEntity } from './task/task-completion.entity';
import { TaskModule } from './task/task.module';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: SERVICE.tasklist,
          config,
          entities: [TaskCompletionEntity, ProcessModelVersionEntity],
        }),
        TaskModule.forRoot(config.bpmnDir),
        ProcessAdminModule,
      ],
    };
  }
}
