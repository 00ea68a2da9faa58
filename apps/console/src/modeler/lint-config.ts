// The linting the modeler shows: bpmnlint's recommended rules and the Camunda 7.22 compatibility rule
// the project's .bpmnlintrc extends, resolved statically for the browser bundle.
import historyTimeToLive from 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/history-time-to-live';

const RULES = import.meta.glob('../../../../node_modules/bpmnlint/rules/*.js', {
  eager: true,
  import: 'default',
});

export const RECOMMENDED: Record<string, 'error' | 'warn'> = {
  'ad-hoc-sub-process': 'error',
  'conditional-flows': 'error',
  'end-event-required': 'error',
  'event-sub-process-typed-start-event': 'error',
  'fake-join': 'warn',
  global: 'warn',
  'label-required': 'error',
  'link-event': 'error',
  'no-bpmndi': 'error',
  'no-complex-gateway': 'error',
  'no-disconnected': 'error',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'error',
  'no-implicit-split': 'error',
  'no-implicit-end': 'error',
  'no-implicit-start': 'error',
  'no-inclusive-gateway': 'error',
  'no-overlapping-elements': 'warn',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'start-event-required': 'error',
  'sub-process-blank-start-event': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-termination': 'warn',
};

const rule = (name: string) =>
  Object.entries(RULES).find(([file]) => file.endsWith(`/rules/${name}.js`))?.[1] ?? null;

export const LINT_CONFIG = {
  config: {
    rules: { ...RECOMMENDED, 'camunda-compat/history-time-to-live': 'warn' },
  },
  resolver: {
    resolveRule(pkg: string, ruleName: string) {
      if (pkg === 'bpmnlint') return rule(ruleName);
      if (pkg === 'bpmnlint-plugin-camunda-compat' && ruleName === 'history-time-to-live')
        return historyTimeToLive;
      return null;
    },
    resolveConfig() {
      return null;
    },
  },
};
