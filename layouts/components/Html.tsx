/** The one place where HTML made by Markdown (or by our own renderers) enters a layout. */
export function Html({ html, as: Tag = "div", ...attrs }: { html: string; as?: "div" | "section" | "article"; [key: string]: unknown }) {
  return <Tag {...attrs} dangerouslySetInnerHTML={{ __html: html }} />;
}
