/** The parts of the `xliff` package (which ships no types) that policy-press uses. */
declare module 'xliff' {
  export interface XliffJs {
    sourceLanguage?: string
    targetLanguage?: string
    resources: Record<string, Record<string, {source?: unknown; target?: unknown; note?: unknown}>>
  }
  export function xliff12ToJs(text: string, options?: object): Promise<XliffJs>
  export function xliff2js(text: string, options?: object): Promise<XliffJs>
}
