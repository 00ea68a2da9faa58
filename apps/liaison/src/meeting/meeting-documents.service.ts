import { Injectable } from '@nestjs/common';
import { beijingDate } from '@oversight/deadlines';
import { renderPdf } from '@oversight/documents';
import { MeetingService } from './meeting.service';

const KIND = { regular: '例会', 'ad-hoc': '临时会议' };
const when = (d: Date) =>
  `${beijingDate(d)} ${new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(11, 16)}`;

/** The agenda and the minutes (会议纪要) as PDF files in Chinese. */
@Injectable()
export class MeetingDocumentsService {
  constructor(private readonly meetings: MeetingService) {}

  async agenda(id: string): Promise<Buffer> {
    const m = await this.meetings.get(id);
    return renderPdf({
      title: `${m.title}议程`,
      subtitle: `${KIND[m.kind]} · ${when(m.scheduledAt)}${m.location ? ` · ${m.location}` : ''}`,
      meta: { author: '行政执法协调监督联席会议', subject: '会议议程' },
      sections: [
        {
          heading: '议程',
          table: {
            columns: [
              { key: 'no', header: '序号', width: 6 },
              { key: 'title', header: '议题', width: 60 },
              { key: 'note', header: '说明', width: 24 },
            ],
            rows: m.agenda.map((a, i) => ({ no: i + 1, title: a.title, note: a.note })),
          },
        },
      ],
      footer: '议程由系统根据未办结和逾期的移送事项、未落实的议定事项生成，经会议秘书确认。',
    });
  }

  async minutes(id: string): Promise<Buffer> {
    const m = await this.meetings.get(id);
    return renderPdf({
      title: `${m.title}纪要`,
      subtitle: `${KIND[m.kind]} · ${when(m.heldAt ?? m.scheduledAt)}${m.location ? ` · ${m.location}` : ''}`,
      meta: { author: '行政执法协调监督联席会议', subject: '会议纪要' },
      sections: [
        {
          heading: '一、参会人员',
          paragraphs: [m.attendees.map((a) => `${a.name}（${a.org}）`).join('、') || '（未登记）'],
        },
        { heading: '二、会议议题', paragraphs: m.agenda.map((a, i) => `${i + 1}. ${a.title}`) },
        { heading: '三、会议纪要', paragraphs: (m.minutes ?? '（尚未记录）').split(/\n+/) },
        {
          heading: '四、议定事项',
          table: {
            columns: [
              { key: 'no', header: '序号', width: 6 },
              { key: 'title', header: '议定事项', width: 48 },
              { key: 'ownerOrg', header: '责任单位', width: 12 },
              { key: 'due', header: '完成期限', width: 12 },
              { key: 'status', header: '落实情况', width: 12 },
            ],
            rows: m.resolutions.map((r, i) => ({
              no: i + 1,
              title: r.title,
              ownerOrg: r.ownerOrg,
              due: beijingDate(new Date(r.dueAt.getTime() - 1)),
              status: r.status === 'closed' ? '已落实' : r.overdue ? '逾期未落实' : '落实中',
            })),
          },
        },
      ],
    });
  }
}
