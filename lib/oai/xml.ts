/**
 * A small XML writer: elements are built as values and serialised once, so every text and attribute goes
 * through the same escaping. Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) are dropped rather than producing a document no parser accepts.
 */
export type XmlNode = XmlElement | string;
export type XmlElement = { name: string; attributes: Record<string, string | number | undefined>; children: XmlNode[] };

/** An element; attributes whose value is undefined are left out. */
export function el(name: string, attributes: XmlElement['attributes'] = {}, ...children: (XmlNode | XmlNode[] | null | undefined | false)[]): XmlElement {
  const flat: XmlNode[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flat.push(...child);
    else flat.push(child);
  }
  return { name, attributes, children: flat };
}

// Allowed: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (XML 1.0, production 2).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  // Tabs and line breaks are escaped too: a parser would otherwise normalise them to spaces.
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function write(node: XmlNode, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  out.push('<', node.name);
  for (const [key, value] of Object.entries(node.attributes)) {
    if (value !== undefined) out.push(' ', key, '="', escapeAttribute(String(value)), '"');
  }
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) write(child, out);
  out.push('</', node.name, '>');
}

/** The document: an XML declaration and the root element. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
