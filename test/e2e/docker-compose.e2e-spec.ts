import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support/running-product';

// No container engine runs here; `config` validates and resolves the file without one.
describe('docker/compose.yml', () => {
  it('is a valid compose file naming every service', () => {
    const resolved = execFileSync('docker-compose', ['-f', join(repoRoot, 'docker/compose.yml'), 'config', '--services'], { encoding: 'utf8' });
    expect(resolved.trim().split('\n').sort()).toEqual(['api', 'dashboard', 'postgres', 'redis', 'worker']);
  });
});
