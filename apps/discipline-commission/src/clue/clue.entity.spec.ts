import { mappedTables } from '@oversight/testing';
import { ClueEntity, ClueReminderEntity, ClueWorkingNoteEntity } from './clue.entity';

describe('clue entities', () => {
  it('map exactly the columns of the migrated tables (shared columns from libs/clue-referral)', async () => {
    const of = await mappedTables([ClueEntity, ClueWorkingNoteEntity, ClueReminderEntity]);
    expect(of(ClueEntity)).toEqual([
      'clue',
      ...['conclusion', 'created_at', 'decided_at', 'decided_by', 'disposal', 'disposal_chosen_at']
        .concat(['evidence', 'facts', 'feedback_due', 'forward_due_at', 'forwarded_to', 'handled_at', 'id'])
        .concat(['jurisdiction', 'jurisdiction_decided_at', 'jurisdiction_overdue_at', 'jurisdiction_remark'])
        .concat(['legal_basis', 'process_instance_id', 'reference_no', 'registered_at', 'registration_no'])
        .concat(['result', 'sender_org', 'sent_at', 'source_ref', 'source_type', 'status', 'subjects'])
        .concat(['suggested_disposal', 'updated_at']),
    ]);
    expect(of(ClueWorkingNoteEntity)).toEqual([
      'clue_working_note',
      'author',
      'clue_id',
      'created_at',
      'id',
      'note',
      'step',
    ]);
    expect(of(ClueReminderEntity)).toEqual([
      'clue_reminder',
      'clue_id',
      'due_at',
      'event_id',
      'feedback',
      'reminded_at',
    ]);
  });
});
