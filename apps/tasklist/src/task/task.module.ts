import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaskCompletionEntity } from './task-completion.entity';
import { BPMN_DIR, TaskFormStore } from './task-form.store';
import { TaskController } from './task.controller';
import { TaskProjectionService } from './task-projection.service';
import { TaskService } from './task.service';

@Module({})
export class TaskModule {
  static forRoot(bpmnDir: string): DynamicModule {
    return {
      module: TaskModule,
      imports: [TypeOrmModule.forFeature([TaskCompletionEntity])],
      controllers: [TaskController],
      providers: [
        TaskService,
        TaskProjectionService,
        TaskFormStore,
        { provide: BPMN_DIR, useValue: bpmnDir },
      ],
    };
  }
}
