import { AgendaItemEntity, MeetingEntity, ResolutionEntity } from './meeting/meeting.entity';
import { TransferEventEntity } from './transfer/transfer-event.entity';
import { TransferEntity } from './transfer/transfer.entity';

export const LIAISON_ENTITIES = [
  TransferEntity,
  TransferEventEntity,
  MeetingEntity,
  AgendaItemEntity,
  ResolutionEntity,
];
