import { EntityManager } from 'typeorm';
import { BODY, TOPIC, TRANSFER_KIND, TransferChangedV1, transferKey } from '@oversight/contracts';
import { beijingDate } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { InspectionFindingEntity } from './joint-inspection.entity';

/** Who receives a finding's transfer: the bureau (case), the commission (clue) or the agency (notice). */
export function receiverOf(f: Pick<InspectionFindingEntity, 'disposition' | 'agencyCode'>): string {
  if (f.disposition === 'supervision-case') return BODY.justiceBureau;
  if (f.disposition === 'clue-referral') return BODY.disciplineCommission;
  return f.agencyCode;
}

/** Liaison's view of a finding handed on (kind `inspection-finding`, a clue `clue-referral`; one per finding). */
export async function recordFindingTransfer(
  outbox: OutboxService,
  manager: EntityManager,
  f: Pick<InspectionFindingEntity, 'id' | 'disposition' | 'agencyCode'>,
  change: Omit<TransferChangedV1, 'kind' | 'sourceRef' | 'sender' | 'receiver'>,
  kind: string = TRANSFER_KIND.inspectionFinding,
): Promise<void> {
  const data: TransferChangedV1 = {
    kind,
    sourceRef: f.id,
    sender: BODY.peoplesCongress,
    receiver: receiverOf(f),
    ...change,
  };
  await outbox.record<TransferChangedV1>(manager, {
    topic: TOPIC.transferChanged,
    subject: transferKey(data),
    data,
  });
}

/** 2026年11月27日 (Beijing date). */
export function chineseDate(d: Date): string {
  const [y, m, day] = beijingDate(d).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}
