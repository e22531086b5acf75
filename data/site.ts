/**
 * The association's settings: replace these with yours. Everything else in the
 * site reads them from here (checked by plugins/core/site.ts when the build starts).
 */
import type { SiteInput } from "../plugins/core/site.ts";

const site: SiteInput = {
  name: "Les Chatons de la Loire",
  url: "https://www.chatons-loire.example",
  description: {
    fr: "Association d’hébergement éthique : des services libres, loyaux et sobres pour les habitants et les associations des bords de Loire.",
    en: "Ethical hosting association: free, fair and frugal online services for the people and associations of the Loire valley.",
  },
  languages: [
    { code: "fr", label: "Français", locale: "fr-FR" },
    { code: "en", label: "English", locale: "en-GB" },
  ],
  defaultLanguage: "fr",
  timezone: "Europe/Paris",
  missingTranslations: "fallback",
  forge: {
    url: "https://forge.chatons-loire.example/association/site",
    editUrl: "https://forge.chatons-loire.example/association/site/_edit/main/{path}",
  },
  donateUrl: "/soutenir/",
  // Linked from every page's footer (content/pages/mentions-legales.<lang>.md).
  legalUrl: "/mentions-legales/",
  // The mark shown before the name in the header and on the home page (colours: layouts/assets/theme.css).
  logo: "logo.svg",
  peertubeHosts: ["video.chatons-loire.example"],
  email: "contact@chatons-loire.example",
  // The association's accounts elsewhere, in every footer (rel="me": a Mastodon profile
  // that links to the site shows it verified). The first https://host/@name one is named
  // as the author of the site's links shared on Mastodon.
  elsewhere: [
    { name: "Mastodon", url: "https://piaille.chatons-loire.example/@asso" },
    { name: "PeerTube", url: "https://video.chatons-loire.example/a/asso/video-channels" },
    { name: "Matrix", url: "https://matrix.to/#/#entraide:chatons-loire.example" },
  ],
  licence: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  postsPerPage: 5,
};

export default site;
