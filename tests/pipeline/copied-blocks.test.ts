/**
 * Blocks that are not text (numbers, dates, percentages, amounts, addresses)
 * are copied into every language: they are no PO entries, so a table of
 * figures does not fail `build --strict`, and each language shows them as
 * they are. `translations.copy` chooses the kinds; entries made before such
 * blocks were copied become obsolete on `sync`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, pageBody, runCli, translateAll} from '../helpers.js'

const source = `---
title: Budget
---

## Budget

| Measure | Change | Year | Share | Cost | Contact |
| --- | --- | --- | --- | --- | --- |
| Training | +3 | 2025 | 12 % | € 12 | <https://example.org/training> |
| Visits | \u22121 | 1.1.2026 | 7,5 % | 1 200 EUR | info@example.org |
| Projects | 12 | 2025-12-04 | 0.5% | $3.50 | www.example.org |

**\u221212 %** fewer visits than planned.

1 000 000
`

const cells = ['+3', '2025', '12 %', '€ 12', '\u22121', '1.1.2026', '7,5 %', '1 200 EUR', '12', '2025-12-04', '0.5%', '$3.50']

describe('blocks copied as they are', () => {
  it('builds a table of numbers with --strict in every language, its cells in each', async () => {
    const root = await makeProject({'documents/budget.md': source, 'policy-press.config.yaml': 'targets: [de, lv]\n'})
    expect((await runCli(['sync', '--root', root])).code).toBe(0)
    for (const lang of ['de', 'lv']) {
      const po = path.join(root, `translations/${lang}/budget.po`)
      const text = await fs.readFile(po, 'utf8')
      // Only text is for translators: no figure, date, amount or address is a PO entry.
      const msgids = [...text.matchAll(/^msgid "(.*)"$/gm)].map((match) => match[1]).filter((id) => id !== '')
      expect(msgids).toEqual(['Budget', 'Measure', 'Change', 'Year', 'Share', 'Cost', 'Contact', 'Training', 'Visits', 'Projects', '**−12 %** fewer visits than planned.'])
      await translateAll(po, `[${lang}] `)
    }
    const run = await runCli(['build', '--strict', '--format', 'html', '--root', root])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    for (const lang of ['en', 'de', 'lv']) {
      const body = pageBody(await fs.readFile(path.join(root, `dist/${lang}/budget.html`), 'utf8'))
      for (const cell of cells) expect(body).toContain(`<td>${cell}</td>`)
      expect(body).toContain('<td><a href="https://example.org/training">https://example.org/training</a></td>')
      expect(body).toContain('<p>1 000 000</p>')
      expect(body).not.toContain('data-translation')
    }
    const lv = pageBody(await fs.readFile(path.join(root, 'dist/lv/budget.html'), 'utf8'))
    expect(lv).toContain('<td>[lv] Training</td>')
    expect(lv).toContain('<p>[lv] <strong>−12 %</strong> fewer visits than planned.</p>')
  })

  it('translates every block with `copy: []`, and obsoletes the entries of blocks copied later', async () => {
    const root = await makeProject({
      'documents/budget.md': source,
      'policy-press.config.yaml': 'targets: [de]\ntranslations:\n  copy: []\n'
    })
    const po = path.join(root, 'translations/de/budget.po')
    expect((await runCli(['sync', '--root', root])).code).toBe(0)
    expect(await fs.readFile(po, 'utf8')).toContain('\nmsgid "2025"\n')
    await translateAll(po)
    // Percentages stay translatable: a German translator may write `12 %` as the style guide says.
    await fs.writeFile(path.join(root, 'policy-press.config.yaml'), 'targets: [de]\ntranslations:\n  copy: [numbers, dates, currency, urls]\n')
    const sync = await runCli(['sync', '--root', root])
    expect(sync.code, sync.stderr).toBe(0)
    const text = await fs.readFile(po, 'utf8')
    expect(text).toContain('\n#~ msgid "2025"\n#~ msgstr "[de] 2025"\n')
    expect(text).toContain('\n#~ msgid "€ 12"\n')
    expect(text).not.toMatch(/^msgid "2025"$/m)
    expect(text).toMatch(/^msgid "12 %"\nmsgstr "\[de\] 12 %"$/m)
    const status = JSON.parse((await runCli(['status', '--root', root, '--format', 'json'])).stdout)
    expect(status.documents[0]).toMatchObject({total: 14, current: 14})
  })

  it('rejects an unknown kind, naming the key', async () => {
    const root = await makeProject({'documents/a.md': '---\ntitle: A\n---\n\nText.\n', 'policy-press.config.yaml': 'translations:\n  copy: [numbers, phone]\n'})
    const run = await runCli(['build', '--format', 'html', '--root', root])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('2:19 error Unexpected `phone` for `translations.copy[1]`, expected one of `numbers`, `dates`, `percentages`, `currency`, `urls`')
  })
})
