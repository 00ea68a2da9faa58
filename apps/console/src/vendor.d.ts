// Libraries of the modeler that ship no type declarations.
declare module 'bpmn-js-properties-panel';
declare module 'bpmn-js-bpmnlint';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform';
declare module 'camunda-bpmn-moddle/resources/camunda.json';
declare module 'bpmnlint/rules/*';
declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/history-time-to-live';
