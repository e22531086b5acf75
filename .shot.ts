// Scratch tool (not committed): node --import tsx .shot.ts <url> <width> <scheme> <y> <height> <out>
import { chromium } from "playwright-core";
import { serveSite } from "./test/helpers/server.ts";
const [url, width, scheme, y, height, out] = process.argv.slice(2);
const server = await serveSite("_site");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme as "light" | "dark" });
await page.goto(server.origin + url);
if (url.includes("?q=")) await page.waitForSelector(".pagefind-ui__result", { timeout: 10000 }).catch(() => {});
await page.screenshot({ path: out!, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: Number(height) } });
await browser.close();
await server.close();
