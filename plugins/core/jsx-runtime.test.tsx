import assert from "node:assert/strict";
import { test } from "node:test";
import { toHtml } from "./index.ts";
import { Html, markup, raw, type Child } from "./jsx-runtime.ts";

test("a whole document gets its doctype and HTML void elements, attribute values kept whole", () => {
  const page = (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta property="og:title" content={'Un titre avec />, > et "guillemets"'} />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <p>
          Une ligne
          <br />
          une autre
        </p>
        <img src="/img/a.jpg" alt="" />
      </body>
    </html>
  );
  assert.equal(
    toHtml(page),
    '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><meta property="og:title" content="Un titre avec />, > et &quot;guillemets&quot;"><link rel="stylesheet" href="/assets/site.css"></head><body><p>Une ligne<br>une autre</p><img src="/img/a.jpg" alt></body></html>',
  );
});

test("a part of a page is written without a doctype; a string template's text is left as written", () => {
  assert.equal(toHtml(<pre>{"<br/> and <meta/> & co"}</pre>), "<pre>&lt;br/> and &lt;meta/> &amp; co</pre>");
  assert.equal(toHtml("<br/> from a string template"), "<br/> from a string template");
});

test("attributes: true is the bare name, false and nothing are left out, aria and data booleans are words", () => {
  const a = (
    <a class="tag" href="/blog/?q=a&b" hidden={false} title={undefined} download aria-hidden={true} aria-expanded={false} data-count={3} tabindex={-1} rel={null as unknown as string}>
      x
    </a>
  );
  assert.equal(a.html, '<a class="tag" href="/blog/?q=a&amp;b" download aria-hidden="true" aria-expanded="false" data-count="3" tabindex="-1">x</a>');
  assert.equal((<label htmlFor="q" className="visually-hidden">Chercher</label>).html, '<label for="q" class="visually-hidden">Chercher</label>');
  assert.equal((<meta httpEquiv="refresh" content="0; url=/" />).html, '<meta http-equiv="refresh" content="0; url=/">');
});

test("children: text escaped, numbers written, nothing for null, undefined and booleans, lists in order", () => {
  const items = ["un", "deux & trois"];
  const none: Child = null;
  assert.equal(
    (
      <ul>
        {items.map((item) => (
          <li>{item}</li>
        ))}
        {none}
        {false}
        {true}
        {undefined}
        <li>{42}</li>
      </ul>
    ).html,
    "<ul><li>un</li><li>deux &amp; trois</li><li>42</li></ul>",
  );
  assert.equal(markup(["a<", [1, [null, raw("<b>b</b>")]]]), "a&lt;1<b>b</b>");
});

test("components run with their props and children; fragments and raw markup are written as they are", () => {
  function Card({ title, children }: { title: string; children?: Child }) {
    return (
      <>
        <h2>{title}</h2>
        {children}
      </>
    );
  }
  function Nothing() {
    return null;
  }
  const out = (
    <section>
      <Card title="Billet <1>">
        <p>Texte</p>
      </Card>
      <Nothing />
      <div dangerouslySetInnerHTML={{ __html: "<p>Markdown déjà écrit</p>" }} />
    </section>
  );
  assert.ok(out instanceof Html);
  assert.equal(out.html, "<section><h2>Billet &lt;1></h2><p>Texte</p><div><p>Markdown déjà écrit</p></div></section>");
});

test("an element name or a style object it cannot write stops the render", () => {
  const Tag = "a b" as "a";
  assert.throws(() => <Tag />, /not a valid HTML tag name/);
  assert.throws(() => <p style={{ color: "red" } as unknown as string} />, /style object/);
});
