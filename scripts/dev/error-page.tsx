/**
 * What the open tab shows in `npm start` while content problems stop the
 * build: the same lines as the terminal, and the dev server's reload script, so
 * the next good save brings the page back by itself.
 */
import { markup } from "../../plugins/core/jsx-runtime.ts";
import { problemsCount, type ContentProblem } from "../../plugins/core/problems.ts";

/**
 * The page's own look, in both schemes: the site's stylesheets may be what a
 * build could not write. (No `<`, `>` or `&`: the renderer escapes text.)
 */
const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 1.5rem 1rem; }
main { max-width: 46rem; margin: 0 auto; padding-left: 1rem; border-left: 0.3rem solid #b3261e; }
h1 { font-size: 1.4rem; line-height: 1.25; margin: 0 0 1rem; color: #b3261e; }
ul { padding-left: 1.1rem; }
li { margin-bottom: 0.75rem; }
code, pre { font-size: 0.9em; overflow-wrap: anywhere; white-space: pre-wrap; }
@media (prefers-color-scheme: dark) {
  main { border-color: #f2b8b5; }
  h1 { color: #f2b8b5; }
}
`;

export function errorPage(problems: readonly ContentProblem[] | undefined, text: string): string {
  const count = problems ? problemsCount(problems) : "Content problems";
  return `<!doctype html>\n${markup(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${count} stopped the build`}</title>
        <style>{STYLE}</style>
        <script type="module" src="/.11ty/reload-client.js"></script>
      </head>
      <body class="dev-error">
        <main>
          <h1>{`${count} stopped the build`}</h1>
          {problems ? (
            <ul>
              {problems.map((p) => (
                <li>
                  <code>{p.line ? `${p.file}:${p.line}` : p.file}</code>
                  {p.field && (
                    <>
                      {" · "}
                      <strong>{p.field}</strong>
                    </>
                  )}
                  {` · ${p.message}`}
                </li>
              ))}
            </ul>
          ) : (
            <pre>{text}</pre>
          )}
          <p>Fix the files above and save: this page reloads by itself. (Only npm start shows this page; npm run build stops with the same lines.)</p>
        </main>
      </body>
    </html>,
  )}`;
}
