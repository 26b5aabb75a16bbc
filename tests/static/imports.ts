// Reads module specifiers (static imports, re-exports, import(), require(), vi.mock excluded) and
// driver calls from TypeScript sources with the TypeScript parser, so comments and strings are not
// mistaken for code.
import * as path from 'node:path';
import ts from 'typescript';
import { filesUnder, read } from './built';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

function parse(file: string, text = read(file)): ts.SourceFile {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

export function moduleSpecifiers(file: string, text?: string): string[] {
  const source = parse(file, text);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) out.push(expr.text);
    } else if (ts.isCallExpression(node)) {
      const arg = node.arguments[0];
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isImport || isRequire) && arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) out.push(arg.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Calls of `.serialize(` / `.backup(` (also `x['serialize'](`), the driver's plaintext/unsafe copies. */
export function bannedDriverCalls(file: string, text?: string, names = ['serialize', 'backup']): string[] {
  const source = parse(file, text);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let name: string | null = null;
      if (ts.isPropertyAccessExpression(callee)) name = callee.name.text;
      else if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
        name = callee.argumentExpression.text;
      }
      if (name && names.includes(name)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        out.push(`${file}:${line + 1}: .${name}(`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

export function sourcesUnder(dir: string): string[] {
  return filesUnder(dir, SOURCE_EXTENSIONS).filter((f) => !f.endsWith('.d.ts') && !f.includes(`${path.sep}node_modules${path.sep}`));
}
