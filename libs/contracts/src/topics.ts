/** Kafka topics: `<app>.<aggregate>.<event-past-tense>.v<N>`. The single home of topic names. */
export const TOPIC = {
  complaintRegistered: 'justice-bureau.complaint.registered.v1',
  complaintProcessStarted: 'justice-bureau.complaint.process-started.v1',
  complaintAcceptanceDecided: 'justice-bureau.complaint.acceptance-decided.v1',
  complaintOverdue: 'justice-bureau.complaint.overdue.v1',
} as const;
export type Topic = (typeof TOPIC)[keyof typeof TOPIC];
export const ALL_TOPICS: readonly Topic[] = Object.values(TOPIC);
