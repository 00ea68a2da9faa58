import type { DeadlineCitation } from '@oversight/contracts';
import { dueAt, extend } from '@oversight/deadlines';
import { CRIMINAL_TRANSFER_RULES, ESCALATION_RULE, TimedStep } from './deadline-rules';

export interface StepDue {
  step: TimedStep;
  dueAt: Date;
  escalateAt: Date;
  rule: DeadlineCitation;
}

export const citation = (rule: DeadlineCitation): DeadlineCitation => ({
  ruleId: rule.ruleId,
  length: rule.length,
  unit: rule.unit,
  basis: rule.basis,
});

/** The due and escalation dates of a step that starts at `start`. */
export function stepDue(step: TimedStep, start: Date): StepDue {
  const rule = CRIMINAL_TRANSFER_RULES[step];
  const due = dueAt(rule, start);
  return {
    step,
    dueAt: due,
    escalateAt: extend(due, ESCALATION_RULE.length, ESCALATION_RULE.unit),
    rule: citation(rule),
  };
}

/** Process variables for the next timed step (the BPMN timers read dueAt and escalateAt). */
export const dueVariables = (due: StepDue | null): Record<string, string> =>
  due ? { dueAt: due.dueAt.toISOString(), escalateAt: due.escalateAt.toISOString() } : {};
