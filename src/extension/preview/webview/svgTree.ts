/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { SvgNode } from '../protocol';

/**
 * An element as the JSON tree the page hands back to the extension for its cache (protocol.ts
 * SvgNode): tag, attributes (a style attribute as CSSOM serialises it), text and child elements;
 * comments and the elements `skip` names are left out.
 */
export function svgTree(e: Element, skip: (e: Element) => boolean = () => false): SvgNode {
  const a: Record<string, string> = {};
  for (const at of e.attributes) a[at.name] = at.value;
  const c: SvgNode[] = [];
  for (const n of e.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) c.push(n.nodeValue ?? '');
    else if (n.nodeType === Node.ELEMENT_NODE && !skip(n as Element)) c.push(svgTree(n as Element, skip));
  }
  return { t: e.localName, a, c };
}
