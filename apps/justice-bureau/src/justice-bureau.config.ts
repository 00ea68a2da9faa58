import { ServiceConfig } from '@oversight/config';

/** justice-bureau reads nothing beyond the common service variables yet. */
export class JusticeBureauConfig extends ServiceConfig {}
