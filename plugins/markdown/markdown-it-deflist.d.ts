/** markdown-it-deflist 4 ships no type declarations: a markdown-it plugin without options. */
declare module "markdown-it-deflist" {
  import type MarkdownIt from "markdown-it";
  const deflist: (md: MarkdownIt) => void;
  export default deflist;
}
