/// <reference lib="dom" />
/**
 * Mermaid's SVG for a page whose policy has no 'unsafe-inline' styles: its <style> elements and
 * style attributes are taken out of the markup and given back through CSSOM (the element's style
 * object, a constructed stylesheet), which the policy allows. Shared by the preview and the report panels.
 */
export function importSvg(svg: string): { node: SVGSVGElement; css: string } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const svgRoot = doc.documentElement;
  if (svgRoot.nodeName !== 'svg') throw new Error(svgRoot.textContent || 'Mermaid returned no SVG');
  const css: string[] = [];
  for (const style of svgRoot.querySelectorAll('style')) {
    css.push(style.textContent ?? '');
    style.remove();
  }
  const styled = [svgRoot, ...svgRoot.querySelectorAll('[style]')].filter((e) => e.hasAttribute('style'));
  const inline = styled.map((e) => e.getAttribute('style') ?? '');
  styled.forEach((e, i) => {
    e.removeAttribute('style');
    e.setAttribute('data-pe-style', String(i));
  });
  const node = document.importNode(svgRoot, true) as unknown as SVGSVGElement;
  for (const e of [node, ...node.querySelectorAll('[data-pe-style]')] as (SVGElement & ElementCSSInlineStyle)[]) {
    const i = e.getAttribute('data-pe-style');
    if (i === null) continue;
    e.style.cssText = inline[Number(i)] ?? '';
    e.removeAttribute('data-pe-style');
  }
  return { node, css: css.join('\n') };
}

/** CSS as a constructed stylesheet of the document. */
export function adoptCss(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}
