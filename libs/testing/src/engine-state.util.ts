/**
 * What the engine holds for one business key (jobs, external tasks, incidents), as text: a test that
 * times out waiting for a timer's effect says whether the timer was due, failed or never fired.
 */
export async function engineState(engineUrl: string, businessKey: string): Promise<string> {
  const rest = `${engineUrl}/engine-rest`;
  const get = async (path: string): Promise<Record<string, unknown>[]> => {
    const response = await fetch(`${rest}${path}`);
    return response.ok ? ((await response.json()) as Record<string, unknown>[]) : [];
  };
  const lines: string[] = [
    `engine clock ${JSON.stringify(
      await fetch(`${engineUrl}/engine-clock`).then(
        (r) => r.json(),
        () => null,
      ),
    )}`,
  ];
  for (const instance of await get(`/process-instance?businessKey=${encodeURIComponent(businessKey)}`)) {
    const id = String(instance.id);
    for (const job of await get(`/job?processInstanceId=${id}`)) {
      lines.push(
        `job ${String(job.id)} due ${String(job.dueDate)} retries ${String(job.retries)} ${String(job.exceptionMessage ?? '')}`,
      );
    }
    for (const task of await get(`/external-task?processInstanceId=${id}`)) {
      lines.push(
        `external task ${String(task.activityId)} (${String(task.topicName)}) locked until ${String(task.lockExpirationTime)} by ${String(task.workerId)} retries ${String(task.retries)} ${String(task.errorMessage ?? '')}`,
      );
    }
    for (const incident of await get(`/incident?processInstanceId=${id}`)) {
      lines.push(`incident at ${String(incident.activityId)}: ${String(incident.incidentMessage)}`);
    }
  }
  return lines.join('\n');
}
