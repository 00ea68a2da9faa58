import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Lints a source text as if it were the given file of the workspace; returns the rule ids that fired. */
function lintAs(filePath: string, code: string): string[] {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      filePath,
    ],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  if (report.messages.some((m) => /ProjectGraph/.test(m.message)))
    throw new Error('no Nx project graph: run `npx nx show projects` first');
  return report.messages.map((m) => m.ruleId ?? m.message);
}

// The lint rules are the architecture's guard rails; these cases prove they can fail.
describe('module boundaries', () => {
  it('forbids a library from importing an app', () => {
    expect(
      lintAs(
        'libs/messaging/src/canary.ts',
        "import { AppModule } from '../../../apps/liaison/src/app.module';\nexport const x = AppModule;\n",
      ),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('forbids contracts from depending on a utility library', () => {
    expect(
      lintAs(
        'libs/contracts/src/canary.ts',
        "import { OutboxService } from '@oversight/messaging';\nexport const x = OutboxService;\n",
      ),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('forbids reading the environment outside the config library', () => {
    expect(lintAs('apps/liaison/src/canary.ts', 'export const url = process.env.DATABASE_URL;\n')).toContain(
      'no-restricted-properties',
    );
  });

  it('lets an app use the shared libraries', () => {
    expect(
      lintAs(
        'apps/liaison/src/canary.ts',
        "import { TOPIC } from '@oversight/contracts';\nexport const t = TOPIC;\n",
      ),
    ).toEqual([]);
  });
});
