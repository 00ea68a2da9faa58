/**
 * The forms of user tasks: what a person fills in to complete one. The tasklist validates against
 * them and the console renders them; the BPMN's task id is the key.
 */
export interface Label {
  zh: string;
  en: string;
}

export interface TaskFormField {
  name: string;
  label: Label;
  type: 'choice' | 'text';
  options?: { value: string; label: Label }[];
  /** Required always, or unless another field has the given value. */
  required: true | { unless: { field: string; equals: string } };
  maxLength?: number;
}

export const TASK_FORMS: Record<string, TaskFormField[]> = {
  'acceptance-review': [
    {
      name: 'decision',
      label: { zh: '受理决定', en: 'Acceptance decision' },
      type: 'choice',
      options: [
        { value: 'accept', label: { zh: '受理', en: 'Accept' } },
        { value: 'reject', label: { zh: '不予受理', en: 'Reject' } },
        { value: 'forward', label: { zh: '转送有权机关', en: 'Forward to the competent organ' } },
      ],
      required: true,
    },
    {
      name: 'reason',
      label: { zh: '理由', en: 'Reason' },
      type: 'text',
      required: { unless: { field: 'decision', equals: 'accept' } },
      maxLength: 1000,
    },
  ],
};
