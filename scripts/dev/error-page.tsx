/**
 * What the open tab shows in `npm start` while content problems stop the
 * build: the same lines as the terminal, and the dev server's reload script, so
 * the next good save brings the page back by itself.
 */
import { renderToStaticMarkup } from "preact-render-to-string";
import { problemsCount, type ContentProblem } from "../../plugins/core/problems.ts";

export function errorPage(problems: readonly ContentProblem[] | undefined, text: string): string {
  const count = problems ? problemsCount(problems) : "Content problems";
  return `<!doctype html>\n${renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${count} stopped the build`}</title>
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
