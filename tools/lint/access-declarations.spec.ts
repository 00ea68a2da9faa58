import { collectEndpoints } from '../security-doc/access-matrix';

/** Every handler of every controller in apps/ says who may call it: `@Access(...)` or `@Public()`. */
describe('access declarations', () => {
  const endpoints = collectEndpoints();

  it('finds the controllers of every service', () => {
    const services = new Set(endpoints.map((e) => e.service));
    for (const s of [
      'gateway',
      'justice-bureau',
      'discipline-commission',
      'liaison',
      'tasklist',
      'every service',
    ]) {
      expect(services).toContain(s);
    }
    expect(endpoints.length).toBeGreaterThan(90);
  });

  it('fails for any handler without a declaration', () => {
    const undeclared = endpoints
      .filter((e) => e.access === null)
      .map((e) => `${e.file}: ${e.controller}.${e.handler} (${e.method} ${e.path})`);
    expect(undeclared).toEqual([]);
  });

  it('opens to the public only the public complaint form, its API, Open311, sign-in, health and the console files', () => {
    const open = endpoints
      .filter((e) => e.access === 'public')
      .map((e) => e.path)
      .filter(
        (p) =>
          !/^\/(api\/public|public|open311)(\/|$)/.test(p) &&
          !['/health', '/api/auth/login', '/api/organisations'].includes(p) &&
          !/^\/(api|open311|public)\/\*path$/.test(p) &&
          // The web console's static files (the gateway's ConsoleController); its pages sign in through the API.
          !['/', '/*path'].includes(p),
      );
    expect(open).toEqual([]);
  });
});
