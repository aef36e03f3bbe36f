/** A captured element of the bibliographic section: attributes and mixed content in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  content: (XmlElement | string)[];
}

/** Child elements named `name`, in document order. */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const item of element.content) if (typeof item !== 'string' && item.name === name) found.push(item);
  return found;
}

/** The first element reached by a `/`-separated path of child names, or undefined. */
export function elementAt(element: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = element;
  for (const name of path.split('/')) {
    if (!current) return undefined;
    current = current.content.find(
      (item): item is XmlElement => typeof item !== 'string' && item.name === name,
    );
  }
  return current;
}

/** Concatenated text of an element and its descendants (inline markup such as `<i>` or `<sup>` dropped). */
export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  let text = '';
  for (const item of element.content) text += typeof item === 'string' ? item : textContent(item);
  return text;
}

/** Raw text at a path below `element` ('' when absent). */
export function textAt(element: XmlElement | undefined, path: string): string {
  return textContent(elementAt(element, path));
}
