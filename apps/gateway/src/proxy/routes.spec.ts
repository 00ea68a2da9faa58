import { loadConfig } from '@oversight/config';
import { GatewayConfig } from '../gateway.config';
import { routeTable, upstreamFor } from './routes';

describe('gateway routes', () => {
  const table = routeTable(loadConfig(GatewayConfig, { TASKLIST_URL: 'http://tasks.internal:8080' }));

  it('sends complaints to justice-bureau and tasks to the tasklist', () => {
    expect(upstreamFor(table, '/api/complaints')?.service).toBe('justice-bureau');
    expect(upstreamFor(table, '/api/tasks/abc/complete')).toEqual({
      service: 'tasklist',
      url: 'http://tasks.internal:8080',
    });
    expect(upstreamFor(table, '/api/liaison/transfers')?.service).toBe('liaison');
  });

  it('sends clue referrals to the body that owns each side', () => {
    expect(upstreamFor(table, '/api/clue-referrals/abc/approval')?.service).toBe('justice-bureau');
    expect(upstreamFor(table, '/api/received-clues')?.service).toBe('justice-bureau');
    expect(upstreamFor(table, '/api/discipline/clues/abc/disposal')?.service).toBe('discipline-commission');
    expect(upstreamFor(table, '/api/discipline/clue-referrals')?.service).toBe('discipline-commission');
  });

  it('sends each audit log to its service, under the service’s own path', () => {
    const upstream = upstreamFor(table, '/api/audit/tasklist/entries');
    expect(upstream?.service).toBe('tasklist');
    expect(upstream?.rewrite).toEqual(['/api/audit/tasklist', '/api/audit']);
  });

  it('answers nothing for paths no service owns', () => {
    expect(upstreamFor(table, '/api/complaintsX')).toBeUndefined();
    expect(upstreamFor(table, '/admin')).toBeUndefined();
  });
});
