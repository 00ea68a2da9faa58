import {
  CriminalTransferDocumentEntity,
  CriminalTransferEntity,
  CriminalTransferNoticeEntity,
  CriminalTransferStepEntity,
} from './criminal-transfer/criminal-transfer.entity';
import {
  PenaltyCaseEntity,
  ProcuratorialOpinionEntity,
  TransferSuggestionEntity,
} from './criminal-transfer/penalty-case.entity';

export const PROCURATORATE_ENTITIES = [
  CriminalTransferEntity,
  CriminalTransferDocumentEntity,
  CriminalTransferStepEntity,
  CriminalTransferNoticeEntity,
  PenaltyCaseEntity,
  TransferSuggestionEntity,
  ProcuratorialOpinionEntity,
];
