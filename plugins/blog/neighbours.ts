/**
 * npm start: a post's page links its older and newer neighbours by their titles.
 * After a saved post's front matter changed (its title, its date), the pages that
 * link it must render again: its neighbours in each language's list of the last
 * build, and, when its date moved it, those it has at its new place. Eleventy asks
 * which templates render before it makes this rebuild's lists, so the new place is
 * found from the date the file now says. No Eleventy import.
 */
import type { Reach } from "../core/incremental.ts";

interface Placed {
  /** The page's file (absolute): an untranslated copy's virtual one, whose text is its original's. */
  file: string;
  /** Its date, for the order (newest first). */
  time: number;
}

export class NeighbourPages {
  /** Each language's list of the last build, newest first. */
  private readonly lists = new Map<string, Placed[]>();

  /** A language's list as this build made it (its source files and dates, newest first). */
  record(lang: string, list: readonly Placed[]): void {
    this.lists.set(lang, [...list]);
  }

  /**
   * The source files whose pages link one of the `saved` files whose front matter
   * changed (reach "site"), in any language: neighbours before, and at the place its
   * date (`timeOf`, undefined when it cannot be read) gives it now. A file no list
   * held (a page added since) is placed by its date in every language's list: which
   * one shows it is known only once this rebuild made the lists, and a dated page
   * that is no post (an event) only renders a few posts again for nothing.
   */
  linking(saved: ReadonlyMap<string, Reach>, timeOf: (file: string) => number | undefined): Set<string> {
    const found = new Set<string>();
    for (const [file, reach] of saved) {
      if (reach !== "site") continue;
      let holding = [...this.lists.values()].filter((list) => list.some((p) => p.file === file));
      // Read once, whatever the number of languages listing it.
      const time = holding.length || file.endsWith(".md") ? timeOf(file) : undefined;
      if (!holding.length) holding = time === undefined ? [] : [...this.lists.values()];
      for (const list of holding) {
        const at = list.findIndex((p) => p.file === file);
        if (at >= 0) for (const p of [list[at - 1], list[at + 1]]) if (p) found.add(p.file);
        if (time === undefined) continue;
        const others = list.filter((p) => p.file !== file);
        const place = others.findIndex((p) => p.time < time);
        const after = place < 0 ? others.length : place;
        for (const p of [others[after - 1], others[after]]) if (p) found.add(p.file);
      }
    }
    return found;
  }
}
