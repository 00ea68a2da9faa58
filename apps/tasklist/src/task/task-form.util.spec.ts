import { TASK_FORMS } from '@oversight/contracts';
import { validateTaskVariables } from './task-form.util';

const form = TASK_FORMS['acceptance-review'];

describe('acceptance-review form', () => {
  it('accepts a plain acceptance without a reason', () => {
    expect(validateTaskVariables(form, { decision: 'accept' })).toEqual([]);
  });

  it('rejects a refusal without a reason, in Chinese and English', () => {
    const errors = validateTaskVariables(form, { decision: 'reject' });
    expect(errors).toEqual([{ field: 'reason', zh: '理由：必须填写', en: 'Reason is required' }]);
  });

  it('rejects an unknown decision, an unknown field and the reason a non-acceptance needs', () => {
    const errors = validateTaskVariables(form, { decision: 'maybe', colour: 'red' });
    expect(errors.map((e) => e.field).sort()).toEqual(['colour', 'decision', 'reason']);
  });
});
