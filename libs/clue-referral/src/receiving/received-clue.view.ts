import { DataSource, EntityTarget } from 'typeorm';
import { ClueNoteColumns, ClueReminderColumns, ReceivedClueColumns } from './received-clue.columns';

/** A clue's working notes and the sender's reminders, oldest first. */
export function clueNotesAndReminders<N extends ClueNoteColumns, R extends ClueReminderColumns>(
  dataSource: DataSource,
  entities: { note: EntityTarget<N>; reminder: EntityTarget<R> },
  clueId: string,
): Promise<[ClueNoteColumns[], ClueReminderColumns[]]> {
  return Promise.all([
    dataSource
      .getRepository(entities.note)
      .find({ where: { clueId } as never, order: { createdAt: 'ASC' } as never }),
    dataSource
      .getRepository(entities.reminder)
      .find({ where: { clueId } as never, order: { remindedAt: 'ASC' } as never }),
  ]);
}

/** What every receiver shows of a clue beside its summary and its own handling fields. */
export function receivedClueDetail(
  c: ReceivedClueColumns,
  notes: ClueNoteColumns[],
  reminders: ClueReminderColumns[],
) {
  return {
    subjects: c.subjects,
    facts: c.facts,
    legalBasis: c.legalBasis,
    suggestedDisposal: c.suggestedDisposal,
    evidence: c.evidence,
    sentAt: c.sentAt.toISOString(),
    feedbackDue: c.feedbackDue,
    registeredAt: c.registeredAt?.toISOString() ?? null,
    jurisdictionRemark: c.jurisdictionRemark,
    result: c.result,
    conclusion: c.conclusion,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    workingNotes: notes.map((n) => ({
      step: n.step,
      author: n.author,
      note: n.note,
      at: n.createdAt.toISOString(),
    })),
    reminders: reminders.map((r) => ({
      feedback: r.feedback,
      dueAt: r.dueAt.toISOString(),
      remindedAt: r.remindedAt.toISOString(),
    })),
  };
}
