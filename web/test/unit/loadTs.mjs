// Loads a module of src/ (TypeScript) for a unit test: TypeScript's own transpiler, no bundler, no type check. Its
// relative imports are transpiled beside it, so a module and its dependencies share one instance; a package import
// (quill-delta) is pointed at web/node_modules, which the temporary folder cannot see.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
const requireFromWeb = createRequire(join(src, "..", "package.json"));
const out = mkdtempSync(join(tmpdir(), "collab-web-unit-"));

function transpile(relativePath) {
  const target = join(out, relativePath.replace(/\.tsx?$/, ".mjs"));
  if (existsSync(target)) return target;
  const source = readFileSync(join(src, relativePath), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const rewritten = outputText.replace(/from "(\.{1,2}\/[^"]+)"/g, (_, specifier) => {
    transpile(join(dirname(relativePath), `${specifier}.ts`));
    return `from "${specifier}.mjs"`;
  });
  const resolved = rewritten.replace(/from "([^.][^"]*)"/g, (_, name) => `from "${pathToFileURL(requireFromWeb.resolve(name)).href}"`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, resolved);
  return target;
}

export function loadTs(relativePath) {
  return import(pathToFileURL(transpile(relativePath)).href);
}
