// Types for the parts of citeproc-js and citation-js this project uses (neither package ships its own).

declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface Engine {
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    /** [formatting parameters, one string per entry] */
    makeBibliography(): [unknown, string[]];
  }
  const CSL: { Engine: new (sys: Sys, style: string, lang?: string, forceLang?: boolean) => Engine };
  export default CSL;
}

declare module '@citation-js/core' {
  interface Register<T> {
    get(name: string): T;
    has(name: string): boolean;
  }
  export const plugins: {
    config: { get(name: '@csl'): { styles: Register<string>; locales: Register<string> } };
    /** One parsing step of an input format (a RIS file to its records, …). */
    input: { chainLink(data: unknown): unknown };
  };
  /** Parses any input format a loaded plugin reads (BibTeX, RIS, CSL-JSON) into CSL-JSON items. */
  export class Cite {
    static async(data: string | object): Promise<Cite>;
    data: Record<string, unknown>[];
  }
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
