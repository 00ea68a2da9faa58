import { Expose } from 'class-transformer';
import { IsOptional, IsString, IsUrl } from 'class-validator';
import { HttpConfig } from '@oversight/config';
import { DEFAULT_PORT } from '@oversight/contracts';

const local = (port: number) => `http://127.0.0.1:${port}`;
const url = { require_tld: false, protocols: ['http', 'https'] };

/** Where the gateway finds each service (in production: the services' cluster addresses). */
export class GatewayConfig extends HttpConfig {
  /** Base URL of the justice-bureau service. */
  @Expose({ name: 'JUSTICE_BUREAU_URL' })
  @IsOptional()
  @IsUrl(url)
  justiceBureauUrl: string = local(DEFAULT_PORT['justice-bureau']);

  /** Base URL of the tasklist service. */
  @Expose({ name: 'TASKLIST_URL' })
  @IsOptional()
  @IsUrl(url)
  tasklistUrl: string = local(DEFAULT_PORT.tasklist);

  /** Base URL of the liaison service. */
  @Expose({ name: 'LIAISON_URL' })
  @IsOptional()
  @IsUrl(url)
  liaisonUrl: string = local(DEFAULT_PORT.liaison);

  /** Base URL of the procuratorate service. */
  @Expose({ name: 'PROCURATORATE_URL' })
  @IsOptional()
  @IsUrl(url)
  procuratorateUrl: string = local(DEFAULT_PORT.procuratorate);

  /** Base URL of the discipline-commission service. */
  @Expose({ name: 'DISCIPLINE_COMMISSION_URL' })
  @IsOptional()
  @IsUrl(url)
  disciplineCommissionUrl: string = local(DEFAULT_PORT['discipline-commission']);

  /** Base URL of the peoples-congress service. */
  @Expose({ name: 'PEOPLES_CONGRESS_URL' })
  @IsOptional()
  @IsUrl(url)
  peoplesCongressUrl: string = local(DEFAULT_PORT['peoples-congress']);

  /**
   * Folder of the built web console (`vite build` output); the gateway serves it at `/`, every path
   * that is not an API answered with its index.html. Empty: no console.
   */
  @Expose({ name: 'CONSOLE_DIR' })
  @IsOptional()
  @IsString()
  consoleDir: string = 'dist/console';
}
