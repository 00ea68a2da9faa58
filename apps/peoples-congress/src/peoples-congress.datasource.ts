import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { CreateMessagingTables1764115200000 } from './migrations/1764115200000-create-messaging-tables';
import { CreateDeadLetterTable1764700000000 } from './migrations/1764700000000-create-dead-letter-table';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';
import { CreateJointInspectionTables1765100000000 } from './migrations/1765100000000-create-joint-inspection-tables';
import { PEOPLES_CONGRESS_ENTITIES } from './peoples-congress.entities';

export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.peoplesCongress,
    entities: PEOPLES_CONGRESS_ENTITIES,
    migrations: [
      CreateMessagingTables1764115200000,
      CreateDeadLetterTable1764700000000,
      CreateAuditLog1764800000000,
      CreateJointInspectionTables1765100000000,
    ],
  });
