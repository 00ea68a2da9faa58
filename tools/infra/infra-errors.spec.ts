import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs a function of the (ESM) infra tool in a child process and returns what it threw. */
function errorOf(module: string, call: string): string {
  const url = JSON.stringify(join(__dirname, 'lib', module));
  const script = `import(${url}).then((m) => { ${call}; console.log('no error'); }).catch((e) => console.log(e.message))`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
}

describe('local infrastructure start-up errors', () => {
  it('says Maven is missing and how to get it', () => {
    const message = errorOf('java.mjs', "m.requireMaven({ PATH: '/nonexistent' })");
    expect(message).toMatch(/Maven \(`mvn`\) is needed/);
    expect(message).toMatch(/apt-get install maven/);
  });
});
