/**
 * Which texts are not text: numbers, dates, percentages, amounts and
 * addresses are copied into every language; anything with words in it is
 * translated.
 */
import {describe, expect, it} from 'vitest'
import {copiedKind, copyKinds} from '../../src/segments/copied.js'

const copied: Array<[string, string]> = [
  ['12', 'numbers'],
  ['+3', 'numbers'],
  ['\u22121', 'numbers'],
  ['-1', 'numbers'],
  ['±0.5', 'numbers'],
  ['1,000', 'numbers'],
  ['1.000,5', 'numbers'],
  ['1 000 000', 'numbers'],
  ['1\u00A0000', 'numbers'],
  ['12\u202F500,75', 'numbers'],
  ['3.50', 'numbers'],
  ['10–20', 'numbers'],
  ['–', 'numbers'],
  ['—', 'numbers'],
  ['2025', 'numbers'],
  ['2025-12-04', 'dates'],
  ['4.12.2025', 'dates'],
  ['04.12.2025.', 'dates'],
  ['4. 12. 2025', 'dates'],
  ['2025.12.04', 'dates'],
  ['12/4/2025', 'dates'],
  ['9:00–10:30', 'dates'],
  ['1.1.2025 – 31.12.2026', 'dates'],
  ['2025-12-04T10:00', 'dates'],
  ['12%', 'percentages'],
  ['12 %', 'percentages'],
  ['\u22123,5 %', 'percentages'],
  ['10–20 %', 'percentages'],
  ['€ 12', 'currency'],
  ['€12', 'currency'],
  ['12 €', 'currency'],
  ['12 EUR', 'currency'],
  ['EUR 1 200', 'currency'],
  ['$3.50', 'currency'],
  ['−€ 40', 'currency'],
  ['1 500 kr', 'currency'],
  ['https://example.org/plan?x=1', 'urls'],
  ['www.example.org', 'urls'],
  ['info@example.org', 'urls'],
  ['mailto:info@example.org', 'urls']
]

const translated = [
  '',
  'Municipality',
  '12 municipalities',
  'in 2025',
  'EUR',
  '€ 12 million',
  'See https://example.org',
  '2025 (planned)',
  '12 km',
  'Q3 2025',
  '4 December 2025',
  'n/a',
  '– see below',
  '12 ABC'
]

describe('copiedKind', () => {
  for (const [text, kind] of copied) {
    it(`copies \`${text}\` as ${kind}`, () => {
      // The first matching kind is named: a year is both a number and a date.
      expect(copiedKind(text, copyKinds)).toBeDefined()
      expect(copiedKind(text, [kind as (typeof copyKinds)[number]])).toBe(kind)
    })
  }
  for (const text of translated) {
    it(`translates \`${text}\``, () => {
      expect(copiedKind(text, copyKinds)).toBeUndefined()
    })
  }
  it('copies only the kinds asked for', () => {
    expect(copiedKind('12 %', ['numbers', 'dates'])).toBeUndefined()
    expect(copiedKind('https://example.org', [])).toBeUndefined()
    expect(copiedKind('2025', ['dates'])).toBe('dates')
  })
})
