import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { useEffect, useRef } from 'react';

/**
 * A task form from bpmn/forms, rendered with form-js. The button submits it: form-js validates and
 * `onSubmit` gets the values of the visible fields when they are valid.
 */
export function TaskForm(props: {
  schema: unknown;
  submitLabel: string;
  busy: boolean;
  onSubmit(values: Record<string, unknown>): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  useEffect(() => {
    const created = new Form({ container: host.current as HTMLElement });
    form.current = created;
    created.importSchema(props.schema as never, {});
    return () => {
      form.current = null;
      created.destroy();
    };
  }, [props.schema]);
  return (
    <div className="task-form" data-testid="task-form">
      <div ref={host} />
      <button
        className="primary"
        data-testid="complete-task"
        disabled={props.busy}
        onClick={() => {
          const result = form.current?.submit();
          if (result && Object.keys(result.errors).length === 0) props.onSubmit(result.data);
        }}
      >
        {props.submitLabel}
      </button>
    </div>
  );
}
