import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { codeBlocks, REPO_ROOT, type CodeBlock } from "./readme-blocks.js";

/** The fence languages checked as code. */
const CODE_LANGS = new Set(["ts", "typescript", "js", "javascript"]);

/** A README code block written out as a module. */
export interface BlockFile {
  readonly readme: string;
  readonly block: CodeBlock;
  /** Absolute path of the generated module. */
  readonly path: string;
  /** Lines put before the block's first line (auto-imports, and the block it continues). */
  readonly offset: number;
  /** The README line of the generated file's line `offset + 1`, for each segment. */
  readonly segments: readonly { readonly fileLine: number; readonly readmeLine: number }[];
}

/** The modules auto-imported into blocks, and which blocks may use them. */
const STAND_INS = [
  { module: "readme-your-code.ts", forFragmentsOnly: false },
  { module: "readme-prelude.ts", forFragmentsOnly: true },
] as const;

/** The fenced code blocks of a README that are code (ts, js). */
export function codeBlocksOf(readme: string): CodeBlock[] {
  return codeBlocks(readme).filter((b) => CODE_LANGS.has(b.lang));
}

/**
 * Writes every ts/js block of the given READMEs under `dir`, one module each, with the stand-ins it
 * uses imported. A block whose first line names a file (`// hooks.ts — …`) is written under that
 * name, so the README's other blocks can import it (`./hooks.js`).
 */
export function writeBlockFiles(readmes: readonly string[], dir: string): BlockFile[] {
  const exported = new Map(STAND_INS.map((s) => [s.module, exportedNames(join(REPO_ROOT, "test/support", s.module))]));
  const files: BlockFile[] = [];
  for (const readme of readmes) {
    const blocks = codeBlocksOf(readme);
    blocks.forEach((block, i) => {
      const continued = block.marker === "continued" ? blocks[i - 1] : undefined;
      if (block.marker === "continued" && !continued) throw new Error(`${readme}:${block.line}: <!-- continued --> with no block before it`);
      const code = continued ? `${continued.code}\n${block.code}` : block.code;
      const ext = block.lang.startsWith("j") ? "js" : "ts";
      const named = /^\/\/ ([\w.-]+\.(?:ts|js))\b/.exec(block.code)?.[1];
      const path = join(dir, readme.replace(/README\.md$/, ""), named ?? `block-L${block.line}.${ext}`);
      const imports = autoImports(code, block.marker === "fragment" || block.marker === "continued" && continued?.marker === "fragment", exported, dirname(path));
      const segments = continued
        ? [
            { fileLine: imports.length + 1, readmeLine: continued.line + 1 },
            { fileLine: imports.length + continued.code.split("\n").length + 1, readmeLine: block.line + 1 },
          ]
        : [{ fileLine: imports.length + 1, readmeLine: block.line + 1 }];
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, [...imports, code, ""].join("\n"));
      files.push({ readme, block, path, offset: imports.length, segments });
    });
  }
  return files;
}

/** One type error in a README block. */
export interface BlockDiagnostic {
  readonly readme: string;
  /** `README.md:line`: the line in the README. */
  readonly at: string;
  readonly message: string;
}

/**
 * Type-checks the written blocks as one program, with the repository's strict compiler options,
 * against the built packages (resolved through node_modules as a user's project resolves them).
 */
export function typeCheck(files: readonly BlockFile[]): BlockDiagnostic[] {
  const config = ts.readConfigFile(join(REPO_ROOT, "tsconfig.json"), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO_ROOT);
  const program = ts.createProgram(
    files.map((f) => f.path),
    { ...options, noEmit: true, allowJs: true, checkJs: true, moduleDetection: ts.ModuleDetectionKind.Force },
  );
  const byPath = new Map(files.map((f) => [f.path, f]));
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const file = d.file && byPath.get(d.file.fileName);
    if (!file || d.start === undefined) return { readme: file?.readme ?? "(program)", at: d.file?.fileName ?? "(program)", message };
    const line = d.file!.getLineAndCharacterOfPosition(d.start).line + 1;
    const segment = [...file.segments].reverse().find((s) => line >= s.fileLine);
    const at = segment ? `${file.readme}:${segment.readmeLine + line - segment.fileLine}` : `${file.readme}:${file.block.line} (auto-import)`;
    return { readme: file.readme, at, message };
  });
}

/** `import { … } from "<stand-in>"` lines for the stand-ins a block uses and does not declare. */
function autoImports(code: string, fragment: boolean, exported: ReadonlyMap<string, readonly string[]>, fromDir: string): string[] {
  const declared = topLevelNames(code);
  const taken = new Set(declared);
  const lines: string[] = [];
  for (const { module, forFragmentsOnly } of STAND_INS) {
    if (forFragmentsOnly && !fragment) continue;
    const used = exported.get(module)!.filter((name) => !taken.has(name) && new RegExp(`(?<![\\w$.])${name}\\b`).test(code));
    used.forEach((name) => taken.add(name));
    const specifier = relative(fromDir, join(REPO_ROOT, "test/support", module.replace(/\.ts$/, ".js")));
    if (used.length > 0) lines.push(`import { ${used.join(", ")} } from ${JSON.stringify(specifier.startsWith(".") ? specifier : `./${specifier}`)};`);
  }
  return lines;
}

/** The names a module exports (its own declarations and re-exports). */
function exportedNames(path: string): string[] {
  const source = ts.createSourceFile(path, ts.sys.readFile(path) ?? "", ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      names.push(...declaredNames(statement));
    }
  }
  return names;
}

/** The names a block declares at its top level (imports, variables, functions, classes, types). */
function topLevelNames(code: string): string[] {
  const source = ts.createSourceFile("block.ts", code, ts.ScriptTarget.Latest);
  return source.statements.flatMap(declaredNames);
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return [];
    const bindings = clause.namedBindings;
    return [
      ...(clause.name ? [clause.name.text] : []),
      ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
      ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : []),
    ];
  }
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
    statement.name
  ) {
    return [statement.name.text];
  }
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}
