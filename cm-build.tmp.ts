import { buildSite } from "./test/helpers/build.ts";
const site = await buildSite({ fixture: process.argv[2], now: "2025-09-01T12:00:00+02:00" });
console.log(site.output);
console.log(site.files.filter((f) => f.endsWith(".html") || f.endsWith(".xml")).join("\n"));
