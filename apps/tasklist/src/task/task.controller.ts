import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompleteTaskDto, TaskQueryDto } from './task.dto';
import type { TaskCompletionView, TaskFormView, TaskView } from './task.dto';
import { TaskService } from './task.service';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';

@ApiTags('tasks')
@Controller('api/tasks')
export class TaskController {
  constructor(private readonly tasks: TaskService) {}

  @Get()
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '待办任务 / open user tasks, filtered' })
  list(
    @Query() query: TaskQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<{ total: number; items: TaskView[] }> {
    return this.tasks.list(query, caller);
  }

  @Get(':id')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '任务详情 / one task with its form' })
  get(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<TaskView> {
    return this.tasks.get(id, caller);
  }

  @Get(':id/form')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '任务表单（form-js）/ the task form as a form-js schema' })
  form(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<TaskFormView> {
    return this.tasks.form(id, caller);
  }

  @Post(':id/claim')
  @Access(RULE.anyStaff)
  @HttpCode(200)
  @ApiOperation({ summary: '签收任务 / claim a task for the caller' })
  claim(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<TaskView> {
    return this.tasks.claim(id, caller);
  }

  @Post(':id/unclaim')
  @Access(RULE.anyStaff)
  @HttpCode(200)
  @ApiOperation({ summary: '退回任务（取消签收）/ give a claimed task back to its group' })
  unclaim(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<TaskView> {
    return this.tasks.unclaim(id, caller);
  }

  @Post(':id/complete')
  @Access(RULE.anyStaff)
  @HttpCode(200)
  @ApiOperation({ summary: '办结任务 / complete a task with its form values' })
  complete(
    @Param('id') id: string,
    @Body() dto: CompleteTaskDto,
    @Caller() caller: CallerInfo,
  ): Promise<TaskCompletionView> {
    return this.tasks.complete(id, dto.variables, caller);
  }
}
