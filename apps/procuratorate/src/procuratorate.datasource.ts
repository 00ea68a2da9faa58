import { SERVICE } from '@oversight/contracts';
import { serviceDataSourceOptions } from '@oversight/database';
import { CreateMessagingTables1764115200000 } from './migrations/1764115200000-create-messaging-tables';
import { CreateCriminalTransferTables1764600000000 } from './migrations/1764600000000-create-criminal-transfer-tables';
import { PROCURATORATE_ENTITIES } from './procuratorate.entities';
import { CreateAuditLog1764800000000 } from './migrations/1764800000000-create-audit-log';

/** The data source the `migrate` target runs; the app itself never migrates at boot. */
export const buildDataSourceOptions = (url: string) =>
  serviceDataSourceOptions({
    url,
    service: SERVICE.procuratorate,
    entities: PROCURATORATE_ENTITIES,
    migrations: [
      CreateMessagingTables1764115200000,
      CreateCriminalTransferTables1764600000000,
      CreateAuditLog1764800000000,
    ],
  });
