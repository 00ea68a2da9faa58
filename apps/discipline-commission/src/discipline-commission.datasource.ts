import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { DISCIPLINE_COMMISSION_ENTITIES } from './discipline-commission.entities';
import { CreateMessagingTables1764115200000 } from './migrations/1764115200000-create-messaging-tables';
import { CreateClueTables1764400000001 } from './migrations/1764400000001-create-clue-tables';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';

export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.disciplineCommission,
    entities: DISCIPLINE_COMMISSION_ENTITIES,
    migrations: [
      CreateMessagingTables1764115200000,
      CreateClueTables1764400000001,
      CreateAuditLog1764800000000,
    ],
  });
