import type { TaskFormField } from '@oversight/contracts';
import type { FieldError } from '@oversight/platform';
import type { PlainVariables } from '@oversight/workflow';

/** Checks submitted variables against a task's form; returns bilingual field errors (empty when valid). */
export function validateTaskVariables(form: TaskFormField[], vars: PlainVariables): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(form.map((f) => f.name));
  for (const name of Object.keys(vars)) {
    if (!known.has(name))
      errors.push({
        field: name,
        zh: `${name}：不是此任务的字段`,
        en: `${name} is not a field of this task`,
      });
  }
  for (const field of form) {
    const value = vars[field.name];
    const empty = value === undefined || value === null || value === '';
    const required =
      field.required === true || vars[field.required.unless.field] !== field.required.unless.equals;
    if (empty) {
      if (required)
        errors.push({
          field: field.name,
          zh: `${field.label.zh}：必须填写`,
          en: `${field.label.en} is required`,
        });
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({
        field: field.name,
        zh: `${field.label.zh}：必须是文字`,
        en: `${field.label.en} must be text`,
      });
    } else if (field.type === 'choice' && !field.options?.some((o) => o.value === value)) {
      errors.push({
        field: field.name,
        zh: `${field.label.zh}：不是允许的选项`,
        en: `${field.label.en} is not an allowed option`,
      });
    } else if (field.maxLength && value.length > field.maxLength) {
      errors.push({ field: field.name, zh: `${field.label.zh}：过长`, en: `${field.label.en} is too long` });
    }
  }
  return errors;
}
