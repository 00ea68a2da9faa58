import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { CreateTaskCompletion1764115200000 } from './migrations/1764115200000-create-task-completion';
import { CreateProcessModelVersion1764201600000 } from './migrations/1764201600000-create-process-model-version';
import { ProcessModelVersionEntity } from './process-admin/process-model-version.entity';
import { TaskCompletionEntity } from './task/task-completion.entity';
import { CreateDeadLetterTable1764700000000 } from './migrations/1764700000000-create-dead-letter-table';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';
import { CreateOpenTask1764900000000 } from './migrations/1764900000000-create-open-task';

export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.tasklist,
    entities: [TaskCompletionEntity, ProcessModelVersionEntity],
    migrations: [
      CreateTaskCompletion1764115200000,
      CreateProcessModelVersion1764201600000,
      CreateDeadLetterTable1764700000000,
      CreateAuditLog1764800000000,
      CreateOpenTask1764900000000,
    ],
  });
