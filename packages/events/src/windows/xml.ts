import { setOwn } from '../json-value.js';

/** A minimal XML element tree: enough for Windows event XML (no DTDs, no namespaces resolution). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const TAG =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses one XML document into its root element; throws on unbalanced tags. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    const top = stack[stack.length - 1] as XmlElement;
    top.text += decodeXmlText(xml.slice(last, m.index));
    last = TAG.lastIndex;
    if (m[5] !== undefined) {
      top.text += m[5];
      continue;
    }
    const name = m[2];
    if (name === undefined) continue; // comment or processing instruction
    if (m[1] === '/') {
      if (top.name !== localName(name) || stack.length === 1) throw new Error(`xml: unexpected </${name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(m[3] ?? ''); a !== null; a = ATTRIBUTE.exec(m[3] ?? '')) {
      setOwn(attributes, a[1] as string, decodeXmlText(a[2] ?? a[3] ?? ''));
    }
    const element: XmlElement = { name: localName(name), attributes, children: [], text: '' };
    top.children.push(element);
    if (m[4] !== '/') stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`xml: <${stack[stack.length - 1]?.name}> is not closed`);
  const first = root.children[0];
  if (!first) throw new Error('xml: no root element');
  return first;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/**
 * XML text of an element tree. An element's text is written before its children: the tree keeps
 * text as one string per element (parseXml joins it the same way), which Windows event XML,
 * text-only leaves under element-only parents, never tells apart.
 */
export function serializeXml(element: XmlElement): string {
  let out = `<${element.name}`;
  for (const [name, value] of Object.entries(element.attributes)) out += ` ${name}="${escapeXml(value)}"`;
  out += '>';
  out += escapeXml(element.text);
  for (const c of element.children) out += serializeXml(c);
  return `${out}</${element.name}>`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}
