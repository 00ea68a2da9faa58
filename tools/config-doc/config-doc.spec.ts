import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { END, renderConfigReference, ROOT, START, withReference } from './config-reference';

const DOC = join(ROOT, 'docs', 'operations.md');

/** The generator's own check (prettier, which formats the document, cannot be loaded inside jest). */
function check(file: string) {
  return spawnSync(process.execPath, [join(__dirname, 'config-doc.cjs'), '--check', '--file', file], {
    encoding: 'utf8',
  });
}

describe('the configuration reference in docs/operations.md', () => {
  it('is what the config classes say now (else run `npm run docs:config`)', () => {
    const result = check(DOC);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is reported out of date when a variable changes in the classes but not in the document', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'config-doc-')), 'operations.md');
    writeFileSync(
      copy,
      readFileSync(DOC, 'utf8').replace(/(\| `OUTBOX_POLL_MS` +\| no +\| )`500`/, '$1`250`'),
    );
    expect(readFileSync(copy, 'utf8')).toContain('`250`');
    const result = check(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/configuration reference is out of date; run `npm run docs:config`/);
  });

  it('lists every variable with its name, whether it is required, its default and its meaning', () => {
    const reference = renderConfigReference();
    expect(reference).toContain(
      '| `DATABASE_URL` | **yes** | — | non-empty text | PostgreSQL connection string',
    );
    expect(reference).toContain('| `OUTBOX_POLL_MS` | no | `500` | integer 20–60000 |');
    expect(reference).toContain('| `LOG_LEVEL` | no | `log` | `error`, `warn`, `log`, `debug`, `verbose` |');
    expect(reference).toContain(
      '| `JUSTICE_BUREAU_URL` | no | `http://127.0.0.1:3101` | URL (http, https) | Base URL',
    );
  });

  it('replaces only the generated part of the document', () => {
    const markdown = `# Title\n\nbefore\n\n${START}\nold\n${END}\n\nafter\n`;
    expect(withReference(markdown, `${START}\nnew\n${END}`)).toBe(
      `# Title\n\nbefore\n\n${START}\nnew\n${END}\n\nafter\n`,
    );
  });
});
