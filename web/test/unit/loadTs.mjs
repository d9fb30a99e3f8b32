// Loads a module of src/ (TypeScript) for a unit test: TypeScript's own transpiler, no bundler, no type check.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
const out = mkdtempSync(join(tmpdir(), "collab-web-unit-"));

export async function loadTs(relativePath) {
  const source = readFileSync(join(src, relativePath), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(out, relativePath.replaceAll("/", "_").replace(/\.ts$/, ".mjs"));
  writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}
