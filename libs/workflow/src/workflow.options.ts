export interface WorkflowOptions {
  /** Service name: the worker id prefix and the deployment name. */
  service: string;
  /** Base URL of the engine; its REST API is under `/engine-rest`. */
  engineUrl: string;
  /** BPMN files this service deploys at start (absolute paths). */
  bpmnFiles: string[];
  /** Whether this instance polls for jobs (off in tools that only deploy or query). */
  workers?: boolean;
}

export const WORKFLOW_OPTIONS = Symbol('WORKFLOW_OPTIONS');
