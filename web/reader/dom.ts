/** Children `h` accepts: nodes, text, and nothing (null, undefined, false) to skip. */
export type Child = Node | string | number | null | undefined | false | Child[];

/**
 * Builds an element: attributes set as given, text added as text nodes (never
 * parsed as HTML), so content from the API cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** A link out of the reader; only http(s) addresses become links, anything else stays text. */
export function external(url: string, ...children: Child[]): HTMLElement {
  if (!/^https?:\/\//i.test(url)) return h('span', null, ...children);
  return h('a', { href: url, rel: 'noopener noreferrer external' }, ...children);
}
