import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../support/running-product';

// The layering is a lint failure, not a convention: probe files with forbidden
// imports are linted like any source file (the Nx rule maps files to projects
// by path, so they must exist on disk) and removed afterwards.
describe('Nx module boundaries', () => {
  const suffix = randomUUID().slice(0, 8);
  const probes = {
    domainImportsApp: [`libs/domain/src/boundary-probe-${suffix}.ts`, "import { AppModule } from '../../../apps/api/src/app.module';\nexport const probe = AppModule;\n"],
    dashboardImportsEventStore: [`apps/dashboard/src/boundary-probe-${suffix}.ts`, "import { EventStore } from '@secondlook/event-store';\nexport const probe = EventStore;\n"],
    apiImportsDomain: [`apps/api/src/boundary-probe-${suffix}.ts`, "import { decide } from '@secondlook/domain';\nexport const probe = decide;\n"],
  } as const;
  let errorsByFile: Record<string, string[]> = {};

  beforeAll(() => {
    for (const [file, code] of Object.values(probes)) writeFileSync(join(repoRoot, file), code);
    try {
      const eslint = spawnSync(join(repoRoot, 'node_modules/.bin/eslint'), ['--format', 'json', ...Object.values(probes).map(([file]) => file)], { cwd: repoRoot, encoding: 'utf8' });
      const results = JSON.parse(eslint.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>;
      errorsByFile = Object.fromEntries(
        results.map((r) => [relative(repoRoot, r.filePath), r.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message)]),
      );
    } finally {
      for (const [file] of Object.values(probes)) rmSync(join(repoRoot, file), { force: true });
    }
  });

  it('refuses an import of an app from libs/domain', () => {
    expect(errorsByFile[probes.domainImportsApp[0]].length).toBeGreaterThan(0);
  });

  it('refuses the event store in the dashboard', () => {
    expect(errorsByFile[probes.dashboardImportsEventStore[0]].join('\n')).toMatch(/scope:dashboard/);
  });

  it('allows the api to use the domain', () => {
    expect(errorsByFile[probes.apiImportsDomain[0]]).toEqual([]);
  });
});
