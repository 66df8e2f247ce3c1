/**
 * Fonts per script: a site declares, and ships, the font faces of the
 * subsets its languages need and no others, so a Latin site loads exactly
 * the faces it always did and a Cyrillic or Greek one never falls back to
 * a system font.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {keepFontSubsets, templateAssets} from '../../src/html/assets.js'
import {fontSubsets} from '../../src/html/font-subsets.js'
import {makeProject, repoRoot} from '../helpers.js'

const shipped = path.join(repoRoot, 'templates')
const subsetOf = (file: string) => /-(latin-ext|latin|cyrillic-ext|cyrillic|greek-ext|greek)-\d{3}-/.exec(file)?.[1]
const fontSubsetsShipped = (languages?: string[]) =>
  [...new Set(templateAssets([shipped], languages).flatMap((asset) => (asset.path.startsWith('assets/fonts/') ? [subsetOf(asset.path)] : [])))].sort()
const stylesheet = (languages?: string[]) => fs.readFileSync(templateAssets([shipped], languages).find((asset) => asset.path === 'assets/style.css')!.from, 'utf8')

describe('font subsets', () => {
  it('needs latin and latin-ext always, cyrillic for Cyrillic languages, greek for Greek', () => {
    expect([...fontSubsets(['en', 'de', 'et', 'lv', 'lt', 'fi', 'pl'])].sort()).toEqual(['latin', 'latin-ext'])
    expect([...fontSubsets(['en', 'ru', 'uk', 'bg', 'sr'])].sort()).toEqual(['cyrillic', 'latin', 'latin-ext'])
    expect([...fontSubsets(['en', 'el'])].sort()).toEqual(['greek', 'latin', 'latin-ext'])
    // Serbian in Latin script is a Latin language; Kazakh's letters lie beyond the basic Cyrillic subset.
    expect([...fontSubsets(['sr-Latn'])].sort()).toEqual(['latin', 'latin-ext'])
    expect([...fontSubsets(['kk'])].sort()).toEqual(['cyrillic', 'cyrillic-ext', 'latin', 'latin-ext'])
  })

  it('ships the same faces as before for a Latin site, and only the needed subsets otherwise', () => {
    expect(fontSubsetsShipped(['en', 'de', 'et', 'lv', 'lt'])).toEqual(['latin', 'latin-ext'])
    expect(fontSubsetsShipped(['en', 'ru'])).toEqual(['cyrillic', 'latin', 'latin-ext'])
    expect(fontSubsetsShipped(['en', 'el'])).toEqual(['greek', 'latin', 'latin-ext'])
    // Without languages (a caller that does not know them) every face, so no page ever falls back.
    expect(fontSubsetsShipped()).toEqual(['cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'latin', 'latin-ext'])
    const latin = stylesheet(['en', 'de'])
    expect(latin.match(/@font-face/g)).toHaveLength(14)
    expect(latin).not.toMatch(/url\("fonts\/[^"]*(cyrillic|greek)/)
  })

  it('keeps other rules and faces that are not @fontsource subsets', () => {
    const css = [
      '@font-face { font-family: "Own"; src: url("fonts/own.woff2"); }',
      '@font-face { font-family: "Source Sans 3"; src: url("fonts/source-sans-3-greek-400-normal.woff2") format("woff2"); }',
      'body { color: red; }'
    ].join('\n')
    expect(keepFontSubsets(css, new Set(['latin']))).toBe('@font-face { font-family: "Own"; src: url("fonts/own.woff2"); }\nbody { color: red; }')
  })

  it('filters a project’s own stylesheet the same way', async () => {
    const root = await makeProject({
      'templates/assets/style.css':
        '@font-face { font-family: "Source Serif 4"; src: url("fonts/source-serif-4-cyrillic-400-normal.woff2") format("woff2"); }\n@font-face { font-family: "Source Serif 4"; src: url("fonts/source-serif-4-latin-400-normal.woff2") format("woff2"); }\n'
    })
    const assets = templateAssets([path.join(root, 'templates'), shipped], ['en', 'de'])
    expect(assets.filter((asset) => asset.path.startsWith('assets/fonts/')).map((asset) => asset.path)).toEqual(['assets/fonts/source-serif-4-latin-400-normal.woff2'])
  })
})
