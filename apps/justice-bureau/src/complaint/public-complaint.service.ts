import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readSnapshot } from '@oversight/database';
import { conflict } from '@oversight/platform';
import { RatingDto } from './complaint-actions.dto';
import { ComplaintActionsService } from './complaint-actions.service';
import { appendHistory } from './complaint-history.util';
import { ComplaintEventEntity } from './complaint-records.entity';
import { ComplaintQueryService } from './complaint-query.service';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintService } from './complaint.service';

/** What a member of the public does with a tracking code: look it up, rate the reply, appeal. */
@Injectable()
export class PublicComplaintService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly query: ComplaintQueryService,
    private readonly actions: ComplaintActionsService,
  ) {}

  lookup(code: string) {
    return readSnapshot(this.dataSource, async (m) =>
      this.query.publicView(await this.complaints.byTrackingCode(code, m), m),
    );
  }

  async rate(code: string, dto: RatingDto) {
    const complaint = await this.complaints.byTrackingCode(code);
    if (!complaint.repliedAt) {
      throw conflict({ zh: '答复之后才能评价。', en: 'You can rate the handling once you have the reply.' });
    }
    await this.dataSource.transaction(async (manager) => {
      const key = `rating:${complaint.id}`;
      if (await manager.existsBy(ComplaintEventEntity, { sourceKey: key })) {
        throw conflict({ zh: '您已评价过。', en: 'You have already rated this complaint.' });
      }
      await manager.update(
        ComplaintEntity,
        { id: complaint.id },
        { satisfaction: dto.satisfaction, satisfactionComment: dto.comment ?? null },
      );
      await appendHistory(manager, {
        complaintId: complaint.id,
        kind: 'rated',
        public: true,
        zh: '已收到您的满意度评价。',
        en: 'Your rating was received.',
        sourceKey: key,
      });
    });
    return { trackingCode: complaint.trackingCode, satisfaction: dto.satisfaction };
  }

  async appeal(code: string, reason: string) {
    const complaint = await this.complaints.byTrackingCode(code);
    return this.actions.requestAppeal(complaint, reason);
  }
}
