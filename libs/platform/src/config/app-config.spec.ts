import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/secondlook' };

  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.SEED_DEMO).toBe(true);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('names the variable when a port is not a port', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PORT: '70000' })).toThrow(/^Invalid configuration: PORT /);
  });

  it('names DATABASE_URL when it is missing or not PostgreSQL', () => {
    expect(() => loadConfig({})).toThrow('Invalid configuration: DATABASE_URL is required');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('reads flags and lists', () => {
    const config = loadConfig({ ...base, SEED_DEMO: 'false', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.SEED_DEMO).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });
});
