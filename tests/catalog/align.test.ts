/** The aligner on its own: the shapes it finds and when it is sure of them. */
import {describe, expect, it} from 'vitest'
import {align, type AlignBlock} from '../../src/catalog/align.js'
import {lengthModel} from '../../src/catalog/length-model.js'

const paragraph = (text: string): AlignBlock => ({kind: 'paragraph', text})
const heading = (text: string): AlignBlock => ({kind: 'heading', depth: 2, text})

describe('align', () => {
  it('pairs blocks of the same kinds one to one, all certain, whatever their lengths', () => {
    const source = [heading('Article 1'), paragraph('All human beings are born free and equal in dignity and rights.')]
    const translation = [heading('1.'), paragraph('Visi.')]
    expect(align(source, translation).beads).toEqual([
      {source: [0], translation: [0], certain: true, margin: Infinity},
      {source: [1], translation: [1], certain: true, margin: Infinity}
    ])
  })

  it('does not take the diagonal when the skeletons argue for a shift, even with the same kinds', () => {
    // The translation lacks Article 2 and has an Article 13 the source lacks: the same kinds, every heading number off by one.
    const article = (n: number, word: string) => [heading(`${word} ${n}`), paragraph(`${word} ${n} text, about as long in both languages.`)]
    const source = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((n) => article(n, 'Article'))
    const translation = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].flatMap((n) => article(n, 'Artikel'))
    const result = align(source, translation)
    expect(result.missing).toEqual([2, 3])
    expect(result.extra).toEqual([22, 23])
    expect(result.beads.find((bead) => bead.source[0] === 6)).toMatchObject({translation: [4], certain: true})
  })

  it('reports every block missing from an empty translation, and every block extra without a source', () => {
    const blocks = [heading('Scope'), paragraph('Text.')]
    expect(align(blocks, [])).toEqual({beads: [], missing: [0, 1], extra: []})
    expect(align([], blocks)).toEqual({beads: [], missing: [], extra: [0, 1]})
  })

  it('finds a paragraph split in two and a paragraph added, and is sure of neither', () => {
    const source = [heading('Article 1'), paragraph('Everyone has the right to rest and leisure. This includes reasonable limitation of working hours and periodic holidays with pay.'), heading('Article 2'), paragraph('Everyone has duties to the community.')]
    const translation = [
      heading('Artikel 1'),
      paragraph('Jeder hat das Recht auf Erholung und Freizeit.'),
      paragraph('Dazu gehören eine vernünftige Begrenzung der Arbeitszeit und regelmäßiger bezahlter Urlaub.'),
      heading('Artikel 2'),
      paragraph('Ein Absatz, den es im Original nicht gibt, länger als die anderen hier.'),
      paragraph('Jeder hat Pflichten gegenüber der Gemeinschaft.')
    ]
    const result = align(source, translation, {model: lengthModel('en', 'de')})
    expect(result.beads.map(({source, translation, certain}) => ({source, translation, certain}))).toEqual([
      {source: [0], translation: [0], certain: true},
      {source: [1], translation: [1, 2], certain: false},
      {source: [2], translation: [3], certain: true},
      {source: [3], translation: [5], certain: expect.any(Boolean)}
    ])
    expect(result.extra).toEqual([4])
  })

  it('uses the numbers and link targets a translation keeps to place a gap', () => {
    const source = [paragraph('See [the 2024 report](https://example.org/a).'), paragraph('See [the 2025 report](https://example.org/b).'), paragraph('See [the 2026 report](https://example.org/c).')]
    const translation = [paragraph('Siehe [den Bericht 2024](https://example.org/a).'), paragraph('Siehe [den Bericht 2026](https://example.org/c).')]
    const result = align(source, translation, {model: lengthModel('en', 'de')})
    expect(result.missing).toEqual([1])
    expect(result.beads.every((bead) => bead.certain)).toBe(true)
  })

  it('uses the calibrated model for a language pair, and a default for others', () => {
    expect(lengthModel('en-GB', 'lv')).toEqual(lengthModel('en', 'lv'))
    expect(lengthModel('en', 'sv')).toEqual({ratio: 1, variance: 6.8})
  })
})
