/** Codes of the supervising bodies and counterparts (domain.md §1). Also used as candidate groups. */
export const BODY = {
  justiceBureau: 'sfj',
  disciplineCommission: 'jw',
  procuratorate: 'jcy',
  peoplesCongress: 'rd',
  police: 'gaj',
} as const;
export type BodyCode = (typeof BODY)[keyof typeof BODY];

/** Service names; each is also its Kafka consumer group and its PostgreSQL schema (with `-` → `_`). */
export const SERVICE = {
  justiceBureau: 'justice-bureau',
  procuratorate: 'procuratorate',
  disciplineCommission: 'discipline-commission',
  peoplesCongress: 'peoples-congress',
  tasklist: 'tasklist',
  liaison: 'liaison',
  gateway: 'gateway',
} as const;
export type ServiceName = (typeof SERVICE)[keyof typeof SERVICE];

/** Default local HTTP ports (override with `<SERVICE>_PORT`). */
export const DEFAULT_PORT: Record<ServiceName, number> = {
  gateway: 3000,
  'justice-bureau': 3101,
  procuratorate: 3102,
  'discipline-commission': 3103,
  'peoples-congress': 3104,
  tasklist: 3105,
  liaison: 3106,
};
