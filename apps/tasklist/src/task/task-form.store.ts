import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';

export const BPMN_DIR = Symbol('BPMN_DIR');

/**
 * The form-js forms of user tasks, kept beside the BPMN in `bpmn/forms/*.form`. A user task names its
 * form with `camunda:formKey="forms/<name>.form"`, a path relative to the BPMN folder.
 */
@Injectable()
export class TaskFormStore {
  private readonly cache = new Map<string, unknown>();

  constructor(@Inject(BPMN_DIR) private readonly bpmnDir: string) {}

  async read(formKey: string): Promise<unknown> {
    const file = formFile(this.bpmnDir, formKey);
    if (!file) return null;
    if (!this.cache.has(file)) {
      try {
        this.cache.set(file, JSON.parse(await readFile(file, 'utf8')));
      } catch {
        return null;
      }
    }
    return this.cache.get(file);
  }
}

/** The file a form key names, or null when it is not a form of the forms folder. */
export function formFile(bpmnDir: string, formKey: string): string | null {
  const match = /^forms\/([a-z0-9-]+)\.form$/.exec(formKey);
  return match ? path.join(path.resolve(bpmnDir), 'forms', `${match[1]}.form`) : null;
}
