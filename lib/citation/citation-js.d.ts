// citation-js ships no type declarations; these cover what lib/citation uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    config: { get(name: string): any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    output: { format(name: string, data: unknown, options?: Record<string, unknown>): unknown };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module 'style-chicago' {
  /** The CSL style as citeproc-js's JSON form of its XML ({ name, attrs, children }). */
  const style: { name: string; attrs: Record<string, string>; children: unknown[] };
  export default style;
}
