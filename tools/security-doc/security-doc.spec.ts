import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './access-matrix';

const DOC = join(ROOT, 'docs', 'security.md');

/** The generator's own check (prettier, which formats the document, cannot be loaded inside jest). */
function check(file: string) {
  return spawnSync(process.execPath, [join(__dirname, 'security-doc.cjs'), '--check', '--file', file], {
    encoding: 'utf8',
  });
}

describe('the access matrix in docs/security.md', () => {
  it('is what the controllers declare now (else run `npm run docs:security`)', () => {
    const result = check(DOC);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is reported out of date when a cell differs from the declarations', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'security-doc-')), 'security.md');
    const original = readFileSync(DOC, 'utf8');
    const altered = original.replace(/(\| `\/api\/complaints\/:id\/review` +\| [^|]+\| )✗/, '$1✓');
    expect(altered).not.toBe(original);
    writeFileSync(copy, altered);
    const result = check(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('access matrix is out of date');
  });
});
