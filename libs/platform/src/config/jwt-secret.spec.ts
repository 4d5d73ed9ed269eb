import { ConfigError } from './app-config';
import { resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  it('uses JWT_SECRET when set', () => {
    expect(resolveJwtSecret({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) })).toEqual({ secret: 's'.repeat(32), generated: false });
  });

  it('makes up a different random secret per call outside production', () => {
    const a = resolveJwtSecret({ NODE_ENV: 'development' });
    const b = resolveJwtSecret({ NODE_ENV: 'test' });
    expect(a.generated).toBe(true);
    expect(a.secret.length).toBeGreaterThanOrEqual(32);
    expect(a.secret).not.toBe(b.secret);
  });

  it('refuses to run production without one, in one line naming the variable', () => {
    expect(() => resolveJwtSecret({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration: JWT_SECRET is required/);
  });
});
