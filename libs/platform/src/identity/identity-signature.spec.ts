import { signIdentity, verifyIdentity } from './identity-signature';
import { ruleAdmits } from './access.guard';

describe('signed identity headers', () => {
  const secret = 's'.repeat(40);
  const identity = { user: 'sfj-clerk', org: 'sfj', roles: ['clerk'] };

  it('verifies what the gateway signed', () => {
    expect(verifyIdentity(secret, signIdentity(secret, identity))).toEqual({ ok: true, identity });
  });

  it('refuses forged, altered, stale and unsigned identities', () => {
    const signed = signIdentity(secret, identity);
    expect(verifyIdentity('other-secret', signed)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyIdentity(secret, { ...signed, 'x-oversight-roles': 'clerk,head' })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyIdentity(secret, { ...signed, 'x-oversight-org': 'jw' }).ok).toBe(false);
    const old = signIdentity(secret, identity, new Date(Date.now() - 10 * 60 * 1000));
    expect(verifyIdentity(secret, old)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyIdentity(secret, { 'x-oversight-user': 'x', 'x-oversight-org': 'sfj' })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyIdentity(secret, {})).toEqual({ ok: false, reason: 'absent' });
  });

  it('admits by organisation and role', () => {
    expect(ruleAdmits({ orgs: ['sfj'], roles: ['head'] }, { ...identity, roles: ['head'] })).toBe(true);
    expect(ruleAdmits({ orgs: ['sfj'], roles: ['head'] }, identity)).toBe(false);
    expect(ruleAdmits({ orgs: 'supervised' }, { ...identity, org: 'scjg' })).toBe(true);
    expect(ruleAdmits({ orgs: 'supervised' }, identity)).toBe(false);
    expect(ruleAdmits({ orgs: 'any' }, { ...identity, org: 'xgz' })).toBe(true);
  });
});
