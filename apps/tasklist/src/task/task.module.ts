import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaskCompletionEntity } from './task-completion.entity';
import { TaskController } from './task.controller';
import { TaskService } from './task.service';

@Module({
  imports: [TypeOrmModule.forFeature([TaskCompletionEntity])],
  controllers: [TaskController],
  providers: [TaskService],
})
export class TaskModule {}
