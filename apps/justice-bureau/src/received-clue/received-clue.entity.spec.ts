import { mappedTables } from '@oversight/testing';
import {
  ReceivedClueEntity,
  ReceivedClueNoteEntity,
  ReceivedClueReminderEntity,
} from './received-clue.entity';

describe('received-clue entities', () => {
  it('map exactly the columns of the migrated tables (shared columns from libs/clue-referral)', async () => {
    const of = await mappedTables([ReceivedClueEntity, ReceivedClueNoteEntity, ReceivedClueReminderEntity]);
    expect(of(ReceivedClueEntity)).toEqual([
      'received_clue',
      ...['conclusion', 'created_at', 'decided_at', 'decided_by', 'evidence', 'facts', 'feedback_due']
        .concat(['handled_at', 'id', 'jurisdiction', 'jurisdiction_decided_at', 'jurisdiction_remark'])
        .concat(['legal_basis', 'measure', 'process_instance_id', 'reference_no', 'registered_at'])
        .concat(['registration_no', 'result', 'sender_org', 'sent_at', 'source_ref', 'source_type', 'status'])
        .concat(['subjects', 'suggested_disposal', 'updated_at']),
    ]);
    expect(of(ReceivedClueNoteEntity)).toEqual([
      'received_clue_note',
      'author',
      'clue_id',
      'created_at',
      'id',
      'note',
      'step',
    ]);
    expect(of(ReceivedClueReminderEntity)).toEqual([
      'received_clue_reminder',
      'clue_id',
      'due_at',
      'event_id',
      'feedback',
      'reminded_at',
    ]);
  });
});
