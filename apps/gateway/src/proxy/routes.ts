import type { GatewayConfig } from '../gateway.config';

export interface Upstream {
  service: string;
  url: string;
  /** A path prefix replaced before forwarding: [public prefix, the service's prefix]. */
  rewrite?: [string, string];
}

/** Each service's audit log, at /api/audit/<service>/… publicly and /api/audit/… in the service. */
const audit = (service: string, url: string): [string, Upstream] => [
  `/api/audit/${service}`,
  { service, url, rewrite: [`/api/audit/${service}`, '/api/audit'] },
];

/** Which service answers which public path prefix. Longest prefix wins. */
export function routeTable(config: GatewayConfig): [prefix: string, upstream: Upstream][] {
  return [
    ['/api/complaints', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/organisations', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/agency', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/public', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/negative-list', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/open311', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/public', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/tasks', { service: 'tasklist', url: config.tasklistUrl }],
    ['/api/process-admin', { service: 'tasklist', url: config.tasklistUrl }],
    ['/api/liaison', { service: 'liaison', url: config.liaisonUrl }],
    // Problem-clue referral, both ways (issue 5)
    ['/api/clue-referrals', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/received-clues', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/discipline', { service: 'discipline-commission', url: config.disciplineCommissionUrl }],
    ['/api/acceptance-campaigns', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/assessment-inputs', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    // Case-file review and follow-up visits (issue 11)
    ['/api/case-file-reviews', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    ['/api/follow-up-visits', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    // Annual assessment (issue 11); its public reports are under /api/public
    ['/api/assessments', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    // Criminal-justice handoff (issue 4): the procuratorate hosts it; the bureau keeps its copies
    ['/api/criminal-transfers', { service: 'procuratorate', url: config.procuratorateUrl }],
    ['/api/penalty-cases', { service: 'procuratorate', url: config.procuratorateUrl }],
    ['/api/procuratorial-opinions', { service: 'procuratorate', url: config.procuratorateUrl }],
    ['/api/criminal-case-copies', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    // Supervision cases (issue 11); the agency's side is under /api/agency
    ['/api/supervision-cases', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    // Registers (issue 11): catalogues, officers, training, supervisors, contact points
    ['/api/registers', { service: 'justice-bureau', url: config.justiceBureauUrl }],
    // Joint enforcement inspections and annual reports (issue 11): the people's congress hosts them
    ['/api/congress', { service: 'peoples-congress', url: config.peoplesCongressUrl }],
    ['/api/agency/joint-inspections', { service: 'peoples-congress', url: config.peoplesCongressUrl }],
    // Administration of each service (dead letters): /api/admin/<service>/...
    ...allUpstreams(config).map((u): [string, Upstream] => [`/api/admin/${u.service}`, u]),
    audit('justice-bureau', config.justiceBureauUrl),
    audit('discipline-commission', config.disciplineCommissionUrl),
    audit('procuratorate', config.procuratorateUrl),
    audit('peoples-congress', config.peoplesCongressUrl),
    audit('liaison', config.liaisonUrl),
    audit('tasklist', config.tasklistUrl),
  ];
}

export function upstreamFor(table: ReturnType<typeof routeTable>, path: string): Upstream | undefined {
  return table
    .filter(([prefix]) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))
    .sort((a, b) => b[0].length - a[0].length)[0]?.[1];
}

export function allUpstreams(config: GatewayConfig): Upstream[] {
  return [
    { service: 'justice-bureau', url: config.justiceBureauUrl },
    { service: 'procuratorate', url: config.procuratorateUrl },
    { service: 'discipline-commission', url: config.disciplineCommissionUrl },
    { service: 'peoples-congress', url: config.peoplesCongressUrl },
    { service: 'tasklist', url: config.tasklistUrl },
    { service: 'liaison', url: config.liaisonUrl },
  ];
}

/**
 * Paths anyone may call without signing in: the public complaint form and its API, Open311, and the list of
 * the county's organisations (the form's choice of the body complained about).
 */
export function isPublicPath(path: string, method = 'GET'): boolean {
  if (path === '/api/organisations' && method === 'GET') return true;
  return ['/api/public', '/public', '/open311'].some((p) => path === p || path.startsWith(`${p}/`));
}
