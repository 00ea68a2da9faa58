import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsISO8601,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
import type { TaskFormField } from '@oversight/contracts';

export class TaskQueryDto {
  @ApiPropertyOptional({
    description: '候选组（单位代码，可逗号分隔多个）/ candidate group(s), comma-separated',
    example: 'sfj,sfj:head',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  candidateGroup?: string;

  @ApiPropertyOptional({ description: '办理人 / assignee' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  assignee?: string;

  @ApiPropertyOptional({ description: '业务编号 / business key (e.g. complaint id)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  businessKey?: string;

  @ApiPropertyOptional({ description: '流程 / process id' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  processDefinitionKey?: string;

  @ApiPropertyOptional({ description: '仅未签收 / only tasks nobody has claimed' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ description: '含已签收（与候选组同用）/ with candidateGroup: also claimed tasks' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  includeAssigned?: boolean;

  @ApiPropertyOptional({ description: '期限早于 / due before (ISO 8601)' })
  @IsOptional()
  @IsISO8601()
  dueBefore?: string;

  @ApiPropertyOptional({ description: '期限晚于 / due after (ISO 8601)' })
  @IsOptional()
  @IsISO8601()
  dueAfter?: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
}

export class CompleteTaskDto {
  @ApiProperty({ description: '表单数据 / form values', example: { decision: 'accept' } })
  @IsObject()
  variables!: Record<string, string | number | boolean | null>;
}

export interface TaskView {
  id: string;
  name: string;
  taskDefinitionKey: string;
  processDefinitionKey: string;
  processInstanceId: string;
  businessKey: string | null;
  assignee: string | null;
  created: string;
  due: string | null;
  overdue: boolean;
  priority: number;
  form: TaskFormField[];
  /** The form the console renders (`camunda:formKey`, a form-js file beside the BPMN), on the single-task view. */
  formKey?: string | null;
}

export interface TaskFormView {
  key: string;
  /** The form-js schema. */
  schema: unknown;
}

export interface TaskCompletionView {
  id: string;
  completedAt: string;
  alreadyCompleted: boolean;
}
