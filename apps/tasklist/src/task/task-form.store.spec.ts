import fs from 'node:fs';
import path from 'node:path';
import { TASK_FORMS } from '@oversight/contracts';
import { formFile, TaskFormStore } from './task-form.store';

const BPMN = path.join(__dirname, '..', '..', '..', '..', 'bpmn');

interface FormComponent {
  key?: string;
  type: string;
  validate?: { required?: boolean; maxLength?: number };
  values?: { value: string }[];
}

describe('task forms beside the BPMN', () => {
  it('reads only files of the forms folder', () => {
    expect(formFile('/srv/bpmn', 'forms/acceptance-review.form')).toBe(
      '/srv/bpmn/forms/acceptance-review.form',
    );
    expect(formFile('/srv/bpmn', 'forms/../../etc/passwd')).toBeNull();
    expect(formFile('/srv/bpmn', 'embedded:app:forms/x.html')).toBeNull();
  });

  it('names, for every form a BPMN user task references, a file the store can read', async () => {
    const store = new TaskFormStore(BPMN);
    const keys = fs
      .readdirSync(BPMN, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.bpmn'))
      .flatMap((f) => [...fs.readFileSync(path.join(BPMN, f), 'utf8').matchAll(/camunda:formKey="([^"]+)"/g)])
      .map((m) => m[1]);
    expect(keys).toContain('forms/acceptance-review.form');
    for (const key of keys) expect(await store.read(key)).toMatchObject({ components: expect.any(Array) });
  });

  it('asks for the same fields and options the tasklist validates', async () => {
    const schema = (await new TaskFormStore(BPMN).read('forms/acceptance-review.form')) as {
      components: FormComponent[];
    };
    const fields = schema.components.filter((c) => c.key);
    const rules = TASK_FORMS['acceptance-review'];
    expect(fields.map((f) => f.key).sort()).toEqual(rules.map((r) => r.name).sort());
    for (const rule of rules) {
      const field = fields.find((f) => f.key === rule.name) as FormComponent;
      if (rule.options) expect(field.values?.map((v) => v.value)).toEqual(rule.options.map((o) => o.value));
      if (rule.required === true) expect(field.validate?.required).toBe(true);
      if (rule.maxLength) expect(field.validate?.maxLength).toBe(rule.maxLength);
    }
  });
});
