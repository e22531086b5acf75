/**
 * The JSX of the layouts and components, written straight to HTML: each element
 * is its markup as soon as it is made (`tsconfig.json` and `scripts/compiled.mjs`
 * point JSX here, as `#jsx/jsx-runtime`). The layouts render once, on the server,
 * with no state, hooks or context; a tree of objects rendered by a second walk
 * (preact with preact-render-to-string, before) cost a 4,000-post build 1.8 s of
 * its main thread and 1 GB of short-lived memory.
 *
 * What is written is what preact-render-to-string wrote, with the void elements of
 * HTML left open (`<meta charset="utf-8">`): text and attribute values escaped,
 * `class`/`className`, `for`/`htmlFor`, `http-equiv`, `true` as the attribute's
 * bare name (`""` too), `false`, `null` and `undefined` as no attribute, `aria-*`
 * and `data-*` booleans as `"true"`/`"false"`, `dangerouslySetInnerHTML`. SVG
 * attributes are written as spelled (`font-size`, not `fontSize`); form elements'
 * `value` is an attribute like any other. Components are plain functions of their
 * props, called as the JSX is evaluated, innermost first.
 */

/** Markup, as opposed to text (which is escaped where it is written). */
export class Html {
  constructor(readonly html: string) {}
}

/** What may stand as a child in JSX: markup, text, numbers, nothing, or lists of them. */
export type Child = Html | string | number | bigint | boolean | null | undefined | readonly Child[];

type Props = Record<string, unknown> & { children?: Child };
type Component = (props: never) => Child;

const UNESCAPED = /["&<]/;

/**
 * The three characters an HTML serializer must escape in text and in a quoted
 * attribute value, as preact-render-to-string escaped them. ./escape.ts's
 * escapeMarkup, for text written by hand into HTML, SVG or XML, escapes five
 * (`>` and `'` too): harmless here, and every apostrophe of a page's French
 * text would become `&#39;`.
 */
function escape(text: string): string {
  if (!UNESCAPED.test(text)) return text;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const entity = code === 34 ? "&quot;" : code === 38 ? "&amp;" : code === 60 ? "&lt;" : undefined;
    if (entity === undefined) continue;
    if (i !== from) out += text.slice(from, i);
    out += entity;
    from = i + 1;
  }
  return from === text.length ? out : out + text.slice(from);
}

/** A child's markup: text escaped, `null`, `undefined`, booleans and functions as nothing. */
export function markup(child: unknown): string {
  if (child instanceof Html) return child.html;
  switch (typeof child) {
    case "string":
      return escape(child);
    case "number":
    case "bigint":
      return String(child);
    case "object":
      if (Array.isArray(child)) {
        let out = "";
        for (const each of child) out += markup(each);
        return out;
      }
      return "";
    default:
      return "";
  }
}

/** Markup written as it is (the shared parts of a page, rendered once). */
export function raw(html: string): Html {
  return new Html(html);
}

const VOID = new Set(["area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Names that cannot be an element's or an attribute's (they would break the markup). */
const UNSAFE_NAME = /[\s\n\\/='"\0<>]/;
/** DOM property names written the HTML way (`tabIndex` → `tabindex`). */
const LOWER_CASE = /^(?:accessK|auto[A-Z]|cell|ch|col|cont|cross|dateT|encT|form[A-Z]|frame|hrefL|inputM|maxL|minL|noV|playsI|popoverT|readO|rowS|src[A-Z]|tabI|useM|item[A-Z])/;
const NAMESPACED = /^(xlink|xmlns|xml)([A-Z])/;
const ENUMERATED = new Set(["draggable", "spellcheck"]);

/**
 * Each tag found safe ({@link tagOf}), and each prop name as written: its attribute's name,
 * and whether its value is written as text (`aria-*`, `data-*`: `"true"`/`"false"`),
 * or null when it cannot be an attribute. The layouts use a few dozen names, each
 * on every page: testing them against four patterns each time took 15 ms of a
 * 1,000-post build's profile.
 */
const tags = new Map<string, Tag>();
const attributes = new Map<string, { name: string; asText: boolean } | null>();

/**
 * A tag's markup, written once: its opening without attributes, its end, and
 * whether it is void. An element is then its opening, its content and its end
 * joined, not five strings (a 4,000-post build's elements made 314 MB of strings).
 */
interface Tag {
  start: string;
  bare: string;
  end: string;
  isVoid: boolean;
}

function tagOf(type: string): Tag {
  let tag = tags.get(type);
  if (tag === undefined) {
    if (UNSAFE_NAME.test(type)) throw new Error(`${type} is not a valid HTML tag name`);
    tags.set(type, (tag = { start: `<${type}`, bare: `<${type}>`, end: `</${type}>`, isVoid: VOID.has(type) }));
  }
  return tag;
}

function attributeOf(prop: string): { name: string; asText: boolean } | null {
  let attribute = attributes.get(prop);
  if (attribute === undefined) {
    if (UNSAFE_NAME.test(prop)) attribute = null;
    else if (NAMESPACED.test(prop)) attribute = { name: prop.replace(NAMESPACED, "$1:$2").toLowerCase(), asText: false };
    else if (prop[4] === "-" || ENUMERATED.has(prop)) attribute = { name: prop, asText: true };
    else attribute = { name: LOWER_CASE.test(prop) ? prop.toLowerCase() : prop, asText: false };
    attributes.set(prop, attribute);
  }
  return attribute;
}

/** An attribute's name as written before its value (` class="`) and alone (` hidden`). */
const written = new Map<string, { before: string; alone: string }>();

function writtenOf(name: string): { before: string; alone: string } {
  let names = written.get(name);
  if (names === undefined) written.set(name, (names = { before: ` ${name}="`, alone: ` ${name}` }));
  return names;
}

function element(type: string, props: Props): Html {
  const tag = tagOf(type);
  let open = "";
  let inner: string | undefined;
  let children: unknown;
  for (let name in props) {
    let value = props[name];
    if (typeof value === "function" && name !== "class" && name !== "className") continue;
    switch (name) {
      case "children":
        children = value;
        continue;
      case "key":
      case "ref":
      case "__self":
      case "__source":
        continue;
      case "htmlFor":
        if ("for" in props) continue;
        name = "for";
        break;
      case "className":
        if ("class" in props) continue;
        name = "class";
        break;
      case "dangerouslySetInnerHTML":
        inner = (value as { __html?: string } | undefined)?.__html;
        continue;
      case "httpEquiv":
        name = "http-equiv";
        break;
      case "acceptCharset":
        name = "accept-charset";
        break;
      case "style":
        // A style object would need preact's CSS writer; the layouts write no inline style.
        if (typeof value === "object" && value !== null) throw new Error(`<${type}>: a style object is not written by this JSX`);
        break;
      default: {
        const attribute = attributeOf(name);
        if (attribute === null) continue;
        name = attribute.name;
        if (attribute.asText && value != null) value = String(value);
      }
    }
    if (value == null || value === false) continue;
    const names = writtenOf(name);
    open += value === true || value === "" ? names.alone : names.before + escape(String(value)) + '"';
  }
  const start = open === "" ? tag.bare : `${tag.start}${open}>`;
  if (!inner) inner = typeof children === "string" ? escape(children) : markup(children);
  if (!inner && tag.isVoid) return new Html(start);
  return new Html(start + inner + tag.end);
}

/** `<>…</>`: the children's markup. */
export function Fragment(props: { children?: Child }): Html {
  return new Html(markup(props.children));
}

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === "string") return element(type, props);
  const out = (type as (props: Props) => unknown)(props);
  return out instanceof Html ? out : new Html(markup(out));
}

export { jsx as jsxs, jsx as jsxDEV };

type PreactElements = import("preact").JSX.IntrinsicElements;

export namespace JSX {
  export type Element = Html;
  export type ElementType = string | Component;
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export interface IntrinsicAttributes {
    key?: string | number;
  }
  export interface IntrinsicElements extends PreactElements {}
}
