import type { CheerioAPI } from "cheerio/slim";

/**
 * Plain tree walks for the hot paths of the parsers. Every cheerio `.find(selector)` compiles its selector
 * again, which on a 50-card listing costs more than parsing the page; one walk per card that files elements by
 * class is about 5× cheaper.
 */
export type DomNode = ReturnType<CheerioAPI>[number];
export type DomElement = Extract<DomNode, { attribs: unknown }>;
type ChildNode = DomElement["children"][number];

function isElement(node: ChildNode): node is DomElement {
  return "attribs" in node && "children" in node;
}

/** Whether a class attribute holds the class (class attributes may span lines). */
export function hasClass(element: DomElement, className: string): boolean {
  return classListHas(element.attribs.class, className);
}

/** Whether a class attribute's value (undefined when there is none) holds the class. */
export function classListHas(classes: string | undefined, className: string): boolean {
  if (classes === undefined) return false;
  let from = 0;
  for (;;) {
    const at = classes.indexOf(className, from);
    if (at === -1) return false;
    const end = at + className.length;
    if ((at === 0 || /\s/.test(classes.charAt(at - 1))) && (end === classes.length || /\s/.test(classes.charAt(end)))) {
      return true;
    }
    from = end;
  }
}

/** Visit every element under `root` (not `root` itself) in document order; return false to skip its subtree. */
export function walkElements(
  root: { children: ChildNode[] },
  visit: (element: DomElement) => boolean | undefined,
): void {
  const stack: ChildNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as ChildNode);
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
}

/** The first element under `root` that matches, in document order. */
export function findFirst(
  root: { children: ChildNode[] } | undefined,
  matches: (element: DomElement) => boolean,
): DomElement | undefined {
  if (root === undefined) return undefined;
  let found: DomElement | undefined;
  walkElements(root, (element) => {
    if (found) return false;
    if (matches(element)) {
      found = element;
      return false;
    }
    return true;
  });
  return found;
}

/** The descendants of one element filed by class, built in one walk. */
export class ClassIndex {
  private readonly byClass = new Map<string, DomElement[]>();

  /** `only`: file just these classes (fewer allocations on big subtrees). */
  constructor(root: DomElement | undefined, only?: ReadonlySet<string>) {
    if (root === undefined) return;
    walkElements(root, (element) => {
      const classes = element.attribs.class;
      if (classes === undefined) return true;
      for (const name of classes.split(/\s+/)) {
        if (name === "" || (only !== undefined && !only.has(name))) continue;
        const list = this.byClass.get(name);
        if (list) list.push(element);
        else this.byClass.set(name, [element]);
      }
      return true;
    });
  }

  /** Elements with the class (and tag name, when given), in document order. */
  all(className: string, tagName?: string): DomElement[] {
    const list = this.byClass.get(className) ?? [];
    return tagName === undefined ? list : list.filter((element) => element.name === tagName);
  }

  first(className: string, tagName?: string): DomElement | undefined {
    return this.all(className, tagName)[0];
  }
}
