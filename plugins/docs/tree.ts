/**
 * The documentation tree of one language, from its pages' bundles: folders
 * are sections, a folder's `index` page is the section's own page. Pure: no
 * Eleventy, no file system.
 *
 *   docs                         the docs home (content/docs/index.fr.md)
 *   docs/ecrire                  a section (content/docs/ecrire/index.fr.md)
 *   docs/ecrire/publier          a page of that section
 */

/** One page as the tree needs it. */
export interface DocEntry {
  /** Bundle of the page (`docs/ecrire/publier`): its place in the tree. */
  bundle: string;
  title: string;
  url: string;
  /** Position among its siblings; pages without one come after, by title. */
  order?: number | undefined;
  summary?: string | undefined;
  /** An untranslated copy (the text is in its original's language). */
  untranslated?: boolean | undefined;
  /** Language of the text (the original's, for an untranslated copy). */
  contentLang?: string | undefined;
}

export interface DocNode {
  bundle: string;
  title: string;
  /** Undefined for a folder that has pages but no index page of its own. */
  url: string | undefined;
  order: number | undefined;
  summary: string | undefined;
  untranslated: boolean;
  contentLang?: string | undefined;
  /** 0 for the docs home, 1 for its sections and pages, and so on. */
  depth: number;
  children: DocNode[];
}

/** Siblings: by `order` (pages without one last), then by title in the language's collation. */
export function compareNodes(locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  return (a: Pick<DocNode, "order" | "title">, b: Pick<DocNode, "order" | "title">): number => {
    const ao = a.order ?? Number.POSITIVE_INFINITY;
    const bo = b.order ?? Number.POSITIVE_INFINITY;
    if (ao !== bo) return ao < bo ? -1 : 1;
    return collator.compare(a.title, b.title);
  };
}

/**
 * Builds the tree under `root` (the docs folder's bundle). Entries outside it
 * are ignored; a folder without an index page still appears, titled with its
 * name and without a link, so its pages are never lost.
 */
export function buildTree(entries: readonly DocEntry[], options: { root?: string; locale: string }): DocNode {
  const root = options.root ?? "docs";
  const nodes = new Map<string, DocNode>();
  const nodeFor = (bundle: string): DocNode => {
    let node = nodes.get(bundle);
    if (!node) {
      const name = bundle.slice(bundle.lastIndexOf("/") + 1);
      node = { bundle, title: name, url: undefined, order: undefined, summary: undefined, untranslated: false, depth: 0, children: [] };
      nodes.set(bundle, node);
      if (bundle !== root) nodeFor(bundle.slice(0, bundle.lastIndexOf("/"))).children.push(node);
    }
    return node;
  };
  nodeFor(root);
  for (const entry of entries) {
    if (entry.bundle !== root && !entry.bundle.startsWith(`${root}/`)) continue;
    const node = nodeFor(entry.bundle);
    Object.assign(node, {
      title: entry.title,
      url: entry.url,
      order: entry.order,
      summary: entry.summary,
      untranslated: Boolean(entry.untranslated),
      contentLang: entry.contentLang,
    });
  }
  const compare = compareNodes(options.locale);
  const finish = (node: DocNode, depth: number) => {
    node.depth = depth;
    node.children.sort(compare);
    for (const child of node.children) finish(child, depth + 1);
  };
  const tree = nodeFor(root);
  finish(tree, 0);
  return tree;
}

/** Every node in reading order: a section's page, then its pages, then the next section. */
export function readingOrder(tree: DocNode): DocNode[] {
  return [tree, ...tree.children.flatMap(readingOrder)];
}

/** The node of a bundle, or undefined. */
export function findNode(tree: DocNode, bundle: string): DocNode | undefined {
  return readingOrder(tree).find((n) => n.bundle === bundle);
}

/** From the docs home down to the page itself (both included). */
export function trail(tree: DocNode, bundle: string): DocNode[] {
  const path: DocNode[] = [];
  const walk = (node: DocNode): boolean => {
    path.push(node);
    if (node.bundle === bundle) return true;
    for (const child of node.children) if (walk(child)) return true;
    path.pop();
    return false;
  };
  return walk(tree) ? path : [];
}

/** The pages just before and after in reading order, skipping folders without a page. */
export function neighbours(tree: DocNode, bundle: string): { previous: DocNode | undefined; next: DocNode | undefined } {
  const pages = readingOrder(tree).filter((n) => n.url !== undefined);
  const at = pages.findIndex((n) => n.bundle === bundle);
  if (at < 0) return { previous: undefined, next: undefined };
  return { previous: pages[at - 1], next: pages[at + 1] };
}
