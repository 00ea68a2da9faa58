import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@oversight/platform';
import { TransferEventEntity } from './transfer-event.entity';
import { TransferEntity } from './transfer.entity';
import { TransferQueryDto } from './transfer.dto';

export interface TransferView extends TransferEntity {
  overdue: boolean;
}

@Injectable()
export class TransferService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The register, overdue first, then by due date; filters combine. */
  async list(query: TransferQueryDto): Promise<{ total: number; items: TransferView[] }> {
    const qb = this.dataSource
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .addSelect('(t.closed_at IS NULL AND (t.overdue_since IS NOT NULL OR t.due_at < now()))', 'is_overdue');
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.sender) qb.andWhere('t.sender = :sender', { sender: query.sender });
    if (query.receiver) qb.andWhere('t.receiver = :receiver', { receiver: query.receiver });
    if (query.open !== undefined) qb.andWhere(query.open ? 't.closed_at IS NULL' : 't.closed_at IS NOT NULL');
    if (query.overdue !== undefined) {
      const overdue = 't.closed_at IS NULL AND (t.overdue_since IS NOT NULL OR t.due_at < now())';
      qb.andWhere(query.overdue ? `(${overdue})` : `NOT (${overdue})`);
    }
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('is_overdue', 'DESC')
      .addOrderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getRawAndEntities<{ is_overdue: boolean }>();
    return { total, items: entities.map((t, i) => ({ ...t, overdue: raw[i].is_overdue })) };
  }

  async get(id: string): Promise<TransferView & { history: TransferEventEntity[] }> {
    const transfer = await this.dataSource.getRepository(TransferEntity).findOneBy({ id });
    if (!transfer) throw notFound({ zh: '移送事项', en: 'Transfer' }, id);
    const history = await this.dataSource
      .getRepository(TransferEventEntity)
      .find({ where: { transferId: id }, order: { occurredAt: 'ASC' } });
    return { ...transfer, overdue: isOverdue(transfer, new Date()), history };
  }
}

/** Open and either flagged overdue by its owner or past its due date. */
export function isOverdue(
  t: Pick<TransferEntity, 'closedAt' | 'overdueSince' | 'dueAt'>,
  now: Date,
): boolean {
  return t.closedAt === null && (t.overdueSince !== null || (t.dueAt !== null && t.dueAt < now));
}
