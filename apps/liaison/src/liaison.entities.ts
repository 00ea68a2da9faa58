import { TransferEventEntity } from './transfer/transfer-event.entity';
import { TransferEntity } from './transfer/transfer.entity';

export const LIAISON_ENTITIES = [TransferEntity, TransferEventEntity];
