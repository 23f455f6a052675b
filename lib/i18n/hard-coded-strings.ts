import ts from 'typescript';

/** JSX attributes a reader sees or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'placeholder', 'title', 'alt', 'label', 'summary']);
const HAS_LETTER = /\p{L}/u;

export type HardCodedString = { line: number; text: string };

/**
 * Words written straight into a component's markup instead of coming from the message files: JSX text, the
 * text attributes above, and string literals placed directly in JSX (`{'Next'}`, `{cond ? 'a' : 'b'}`).
 * Strings passed to functions (a translator's key, a class name) are not markup and pass.
 */
export function findHardCodedStrings(source: string, fileName = 'component.tsx'): HardCodedString[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCodedString[] = [];
  const report = (node: ts.Node, text: string) => {
    if (HAS_LETTER.test(text)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  // String literals an expression in JSX renders: itself, or a branch of a conditional or && / ||.
  const rendered = (node: ts.Expression): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) report(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach(rendered);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) rendered(node.right);
    else if (ts.isParenthesizedExpression(node)) rendered(node.expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) rendered(node.expression);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) rendered(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
