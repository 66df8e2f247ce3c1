// Types for align-corpus.js, so that tests written in TypeScript can use it.
export declare const udhrDir: string
export declare const covenantDir: string
export declare function readText(dir: string, lang: string): Promise<string>
export declare function tableVariant(markdown: string): string
