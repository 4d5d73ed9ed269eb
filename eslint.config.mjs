// One lint config for the whole monorepo. The module-boundary rule turns the
// layering in docs/architecture.md into a failing check, not a convention.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/test-results', '**/coverage', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:event-store', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:application', onlyDependOnLibsWithTags: ['scope:domain', 'scope:event-store'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:domain', 'scope:event-store', 'scope:contracts', 'scope:platform', 'scope:application'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:domain', 'scope:event-store', 'scope:contracts', 'scope:platform', 'scope:application'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts'] },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Domain code is pure: no framework, no I/O, not even Node built-ins.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'node:*', 'fs', 'http'] }],
    },
  },
  {
    files: ['apps/dashboard/**/*.tsx', 'apps/dashboard/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // test/ is the cross-app project: its benchmarks and fault tests may load an app's
    // own modules (a projection, the demo journeys) as fixtures. Nothing imports test/.
    files: ['test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Scripts and tests print their figures and progress.
    files: ['test/**/*.ts', 'tools/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.spec.tsx'],
    rules: { 'no-console': 'off' },
  },
);
