import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { CreateMessagingTables1764115200000 } from './migrations/1764115200000-create-messaging-tables';
import { CreateDeadLetterTable1764700000000 } from './migrations/1764700000000-create-dead-letter-table';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';

export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.peoplesCongress,
    entities: [],
    migrations: [
      CreateMessagingTables1764115200000,
      CreateDeadLetterTable1764700000000,
      CreateAuditLog1764800000000,
    ],
  });
