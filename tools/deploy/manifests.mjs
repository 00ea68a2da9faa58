// Schema checks of Kubernetes manifests without a cluster:
// - built-in kinds against the Kubernetes 1.27 OpenAPI schemas compiled into the `kubernetes-models`
//   package (types, required fields, enums, formats), and strictly against its TypeScript declarations
//   (unknown fields are errors, as `kubectl --validate=strict` treats them);
// - custom resources of Strimzi, CloudNativePG and its Barman Cloud plugin against the JSON schemas in
//   deploy/helm/schemas (strict subsets of the operators' CRDs);
// - anything else is an error: a manifest nobody can check does not pass.
import Ajv from 'ajv';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CRD_SCHEMAS = path.join(ROOT, 'deploy', 'helm', 'schemas');

function builtinModule(apiVersion, kind) {
  if (!/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z]+$/.test(kind)) return null;
  const specifier = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    return { specifier, model: require(specifier)[kind] };
  } catch {
    return null;
  }
}

let crdValidators;
function crdValidator(apiVersion, kind) {
  if (!crdValidators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    crdValidators = new Map(
      fs
        .readdirSync(CRD_SCHEMAS)
        .filter((f) => f.endsWith('.json'))
        .map((f) => {
          const schema = JSON.parse(fs.readFileSync(path.join(CRD_SCHEMAS, f), 'utf8'));
          const key = `${schema.properties.apiVersion.const} ${schema.properties.kind.const}`;
          return [key, ajv.compile(schema)];
        }),
    );
  }
  return crdValidators.get(`${apiVersion} ${kind}`);
}

const describe = ({ source, doc }) => `${source}: ${doc?.kind ?? '?'} ${doc?.metadata?.name ?? '?'}`;

/**
 * Validates manifests ({ source, doc } each); returns problems as strings, empty when all pass.
 * Also returns how many documents each kind of check covered.
 */
export function validateManifests(items) {
  const problems = [];
  const strict = [];
  for (const item of items) {
    const { doc } = item;
    if (!doc || typeof doc !== 'object' || !doc.apiVersion || !doc.kind) {
      problems.push(`${item.source}: not a Kubernetes object (apiVersion and kind are required)`);
      continue;
    }
    const builtin = builtinModule(doc.apiVersion, doc.kind);
    if (builtin) {
      try {
        new builtin.model(doc).validate();
      } catch (error) {
        problems.push(`${describe(item)}: ${error.message}`);
      }
      strict.push({ item, specifier: builtin.specifier });
      continue;
    }
    const crd = crdValidator(doc.apiVersion, doc.kind);
    if (crd) {
      if (!crd(doc)) {
        for (const e of crd.errors) {
          const extra = e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : '';
          problems.push(`${describe(item)}: ${e.instancePath || '/'} ${e.message}${extra}`);
        }
      }
      continue;
    }
    problems.push(`${describe(item)}: no schema for ${doc.apiVersion} ${doc.kind}`);
  }
  problems.push(...unknownFields(strict));
  return problems;
}

/** Type-checks each manifest as an object literal of its model's interface: excess properties are errors. */
function unknownFields(entries) {
  if (entries.length === 0) return [];
  const files = new Map(
    entries.map(({ item, specifier }, i) => [
      path.join(ROOT, `__manifest_${i}.ts`),
      `import type { I${item.doc.kind} as T } from '${specifier}';\nexport const manifest: T = ${JSON.stringify(item.doc, null, 1)};\n`,
    ]),
  );
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    files.has(name)
      ? ts.createSourceFile(name, files.get(name), language)
      : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys()], options, host);
  const names = [...files.keys()];
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const index = d.file ? names.indexOf(d.file.fileName) : -1;
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    return index >= 0 ? `${describe(entries[index].item)}: ${text}` : `type check: ${text}`;
  });
}
