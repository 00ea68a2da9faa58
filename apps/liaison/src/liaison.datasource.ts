import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { LIAISON_ENTITIES } from './liaison.entities';
import { CreateTransferTables1764115200000 } from './migrations/1764115200000-create-transfer-tables';
import { LiaisonMeetings1764600000000 } from './migrations/1764600000000-liaison-meetings';
import { CreateDeadLetterTable1764700000000 } from './migrations/1764700000000-create-dead-letter-table';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';
import { CoveringRegisterIndexes1764900000000 } from './migrations/1764900000000-covering-register-indexes';

export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.liaison,
    entities: LIAISON_ENTITIES,
    migrations: [
      CreateTransferTables1764115200000,
      LiaisonMeetings1764600000000,
      CreateDeadLetterTable1764700000000,
      CreateAuditLog1764800000000,
      CoveringRegisterIndexes1764900000000,
    ],
  });
