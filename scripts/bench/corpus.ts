/**
 * The synthetic site of `npm run bench`: bilingual posts (three in four
 * translated) with headings, a list, a code block, a table, a footnote, a
 * link, one tag of twenty and, for some, a photo of the bundle; events; a
 * docs section. Written once as plain Markdown so the kit, a bare Eleventy
 * and Hugo build the very same text.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface CorpusSize {
  posts: number;
  events: number;
  /** Posts that carry a photo of their bundle. */
  images: number;
  docs: number;
}

export interface CorpusPost {
  /** `blog/2019/article-12` */
  dir: string;
  lang: "fr" | "en";
  title: string;
  date: string;
  tag: string;
  /** Markdown body. */
  body: string;
  image?: string;
}

export const TAGS = [
  "messagerie", "agenda", "sauvegardes", "visio", "matériel", "bénévolat", "nextcloud", "sobriété",
  "sécurité", "formation", "assemblée", "finances", "partenaires", "logiciel libre", "réseau",
  "hébergement", "vie privée", "documentation", "migration", "accessibilité",
];

function postBody(i: number, lang: "fr" | "en", tag: string, image: string | undefined): string {
  const fr = lang === "fr";
  const lines = [
    fr
      ? `Voici le billet numéro ${i}, consacré à ${tag}. Il raconte ce que l'association a fait ce mois-ci et ce qui reste à faire.[^1]`
      : `This is post number ${i}, about ${tag}. It tells what the association did this month and what is left to do.[^1]`,
    "",
    fr
      ? "Les bénévoles se sont réunis deux soirs pour préparer le travail, vérifier les sauvegardes et écrire la documentation qui accompagne chaque service."
      : "Volunteers met on two evenings to prepare the work, check the backups and write the documentation that comes with each service.",
    "",
    ...(image ? [`![${fr ? "Les bénévoles autour de la table" : "Volunteers around the table"}](${image})`, ""] : []),
    fr ? "## Ce qui change" : "## What changes",
    "",
    fr ? "- une machine de plus dans la baie ;" : "- one more machine in the rack;",
    fr ? "- des sauvegardes chiffrées chaque nuit ;" : "- encrypted backups every night;",
    fr ? "- une page d'état du service." : "- a service status page.",
    "",
    fr
      ? "La configuration tient en quelques lignes, et les accolades restent du texte :"
      : "The configuration fits in a few lines, and the braces stay text:",
    "",
    "```yaml",
    "services:",
    "  app:",
    `    image: "{{ registry }}/app:${i}"`,
    "    restart: unless-stopped",
    "```",
    "",
    fr ? "| service | état | bénévoles |" : "| service | status | volunteers |",
    "| --- | --- | --- |",
    `| ${tag} | ${fr ? "en service" : "running"} | ${(i % 5) + 1} |`,
    `| ${fr ? "sauvegardes" : "backups"} | ${fr ? "vérifiées" : "checked"} | 2 |`,
    "",
    fr
      ? `Pour en savoir plus, lisez [la documentation](/docs/) ou écrivez-nous.`
      : `To learn more, read [the documentation](/en/docs/) or write to us.`,
    "",
    `[^1]: ${fr ? "Les chiffres viennent du tableau de bord de l'association." : "Figures come from the association's dashboard."}`,
    "",
  ];
  return lines.join("\n");
}

/** Every post of the corpus, both languages, in a stable order. */
export function corpusPosts(size: CorpusSize): CorpusPost[] {
  const posts: CorpusPost[] = [];
  for (let i = 0; i < size.posts; i++) {
    const year = 2015 + (i % 10);
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 27) + 1).padStart(2, "0");
    const dir = `blog/${year}/article-de-banc-${i}`;
    const tag = TAGS[i % TAGS.length]!;
    const image = i < size.images ? "photo.jpg" : undefined;
    const date = `${year}-${month}-${day}T10:00`;
    posts.push({ dir, lang: "fr", title: `Billet ${i} : ${tag}`, date, tag, body: postBody(i, "fr", tag, image), image });
    if (i % 4 !== 0) posts.push({ dir, lang: "en", title: `Post ${i}: ${tag}`, date, tag, body: postBody(i, "en", tag, image), image });
  }
  return posts;
}

const yamlString = (text: string) => JSON.stringify(text);

/** Writes the kit's content: the starter site (already in `content`) plus the corpus. */
export function writeKitCorpus(content: string, size: CorpusSize, photo: string): CorpusPost[] {
  const posts = corpusPosts(size);
  for (const post of posts) {
    const dir = path.join(content, post.dir);
    mkdirSync(dir, { recursive: true });
    if (post.image) copyFileSync(photo, path.join(dir, post.image));
    writeFileSync(
      path.join(dir, `index.${post.lang}.md`),
      `---\ntitle: ${yamlString(post.title)}\ndate: ${post.date}\ntags: [${yamlString(post.tag)}]\n---\n\n${post.body}`,
    );
  }
  for (let i = 0; i < size.events; i++) {
    const year = 2020 + (i % 8);
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 27) + 1).padStart(2, "0");
    const dir = path.join(content, "events", String(year), `rencontre-de-banc-${i}`);
    mkdirSync(dir, { recursive: true });
    for (const lang of i % 3 === 0 ? ["fr"] : ["fr", "en"]) {
      const fr = lang === "fr";
      writeFileSync(
        path.join(dir, `index.${lang}.md`),
        [
          "---",
          `title: ${yamlString(fr ? `Permanence numéro ${i}` : `Drop-in session ${i}`)}`,
          `start: ${year}-${month}-${day}T18:30`,
          `end: ${year}-${month}-${day}T20:00`,
          "venue:",
          "  name: Maison des associations",
          "  address: 12 rue des Bateliers",
          "  city: Nantes",
          "price: free",
          `tags: [${yamlString(TAGS[i % TAGS.length]!)}]`,
          "---",
          "",
          fr
            ? "Venez avec votre ordinateur : nous installons des logiciels libres et répondons à vos questions sur nos services."
            : "Bring your computer: we install free software and answer your questions about our services.",
          "",
        ].join("\n"),
      );
    }
  }
  for (let i = 0; i < size.docs; i++) {
    for (const lang of ["fr", "en"]) {
      const fr = lang === "fr";
      writeFileSync(
        path.join(content, "docs", `guide-de-banc-${i}.${lang}.md`),
        [
          "---",
          `title: ${yamlString(fr ? `Guide pratique ${i}` : `Practical guide ${i}`)}`,
          `order: ${100 + i}`,
          "---",
          "",
          fr ? "## Avant de commencer" : "## Before you start",
          "",
          fr ? "Ouvrez une session sur le nuage de l'association avec votre compte de membre." : "Sign in to the association's cloud with your member account.",
          "",
          fr ? "## Étapes" : "## Steps",
          "",
          fr ? "1. Ouvrez les réglages.\n2. Choisissez le service.\n3. Enregistrez." : "1. Open the settings.\n2. Choose the service.\n3. Save.",
          "",
        ].join("\n"),
      );
    }
  }
  return posts;
}
