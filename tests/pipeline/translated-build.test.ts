/**
 * Building a language from its PO file: translations replace blocks, stale
 * and missing passages are marked with a legend and a status statement, a
 * translation that drops a link is reported at its PO line, and `--strict`
 * fails on all of it.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, pageBody, runCli, translateAll} from '../helpers.js'

const source = `---
title: Funding social services
summary: Why and how to fund services.
---

## Why funding matters

Rural municipalities struggle to fund *social services*.[^note]

| Measure | Who |
| --- | --- |
| Training | Municipality |

- See [the plan](plan.md#steps) first.
- Then act.

![A chart of the budget](chart.svg "The budget in 2025")

[^note]: As the partners reported.
`
const plan = '---\ntitle: Plan\n---\n\n## Steps\n\nText.\n'

async function translatedProject(): Promise<string> {
  const root = await makeProject({'documents/funding.md': source, 'documents/plan.md': plan, 'documents/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>'})
  expect((await runCli(['sync', '--root', root, '--lang', 'de'])).code).toBe(0)
  await translateAll(path.join(root, 'translations/de/funding.po'))
  return root
}

describe('translated builds', () => {
  it('builds every block from its translation', async () => {
    const root = await translatedProject()
    const run = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'de', '--doc', 'funding'])
    expect(run.code, run.stderr).toBe(0)
    const html = await fs.readFile(path.join(root, 'dist/de/funding.html'), 'utf8')
    const body = pageBody(html)
    expect(body).toContain('<h2 id="why-funding-matters">[de] Why funding matters</h2>')
    expect(body).toContain('[de] Rural municipalities struggle to fund <em>social services</em>.<sup><a href="#fn-note"')
    expect(body).toContain('<td>[de] Municipality</td>')
    expect(body).toContain('<a href="plan.html#steps">the plan</a>')
    expect(body).toContain('<img src="../media/chart.svg" alt="[de] A chart of the budget"><figcaption>[de] The budget in 2025</figcaption>')
    expect(body).not.toContain('data-translation')
    expect(html).toContain('<h1 class="document-title">[de] Funding social services</h1>')
    // The shipped German interface strings say it in German.
    expect(html).toContain('<p>100 % dieses Dokuments sind übersetzt und aktuell.</p>')
    expect(html).not.toContain('notice-untranslated')
  })

  it('marks stale and missing passages, with a legend and the count', async () => {
    const root = await translatedProject()
    const changed = source
      .replace('Rural municipalities struggle', 'Remote municipalities struggle')
      .replace('- Then act.', '- Then act.\n- Then review.')
    await fs.writeFile(path.join(root, 'documents/funding.md'), changed)
    const run = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'de', '--doc', 'funding'])
    expect(run.code, run.stderr).toBe(0)
    const html = await fs.readFile(path.join(root, 'dist/de/funding.html'), 'utf8')
    // Stale: the old translation, marked.
    expect(html).toContain('<p data-translation="stale">[de] Rural municipalities struggle')
    // Missing: the source, marked, in the source language.
    expect(html).toContain('<li data-translation="missing" lang="en">Then review.</li>')
    expect(html).toMatch(/<p>\d+ % dieses Dokuments sind übersetzt und aktuell\. Veraltete Abschnitte: 1\. Noch nicht übersetzte Abschnitte: 1\.<\/p>/)
    expect(html).toContain('data-translation="stale" aria-hidden="true"></span>Veraltete Übersetzung.')
    expect(html).toContain('data-translation="missing" aria-hidden="true"></span>Noch nicht übersetzt.')

    // The review page shows each segment's state, the change of the English, and the translation.
    const review = await fs.readFile(path.join(root, 'dist/de/funding.review.html'), 'utf8')
    expect(review).toMatch(/<tr data-state="stale" id="segment-\d+">/)
    expect(review).toContain('<del>Rural</del><ins>Remote</ins> municipalities struggle')
    expect(review).toMatch(/<tr data-state="missing" id="segment-\d+">[\s\S]*?Then review\./)
    expect(review).toContain('<input type="radio" name="state" id="state-stale">')
    const index = await fs.readFile(path.join(root, 'dist/index.html'), 'utf8')
    expect(index).toContain('href="de/funding.review.html"')

    // The config may show the source for stale passages instead.
    await fs.writeFile(path.join(root, 'policy-press.config.yaml'), 'translations:\n  stale: source\n')
    await runCli(['build', '--format', 'html', '--root', root, '--lang', 'de', '--doc', 'funding'])
    const english = await fs.readFile(path.join(root, 'dist/de/funding.html'), 'utf8')
    expect(english).toContain('<p data-translation="stale" lang="en">Remote municipalities struggle')

    // --strict names each open passage at its place and fails.
    const strict = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'de', '--doc', 'funding', '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('8:1  error Stale translation into `de`, expected a current one in a strict build   translation-stale')
    expect(strict.stderr).toContain('error Missing translation into `de`, expected a current one in a strict build translation-missing')
  })

  it('reports a translation that drops a link or footnote at its PO line', async () => {
    const root = await translatedProject()
    const po = path.join(root, 'translations/de/funding.po')
    const text = await fs.readFile(po, 'utf8')
    await fs.writeFile(po, text.replace('msgstr "[de] See [the plan](plan.md#steps) first."', 'msgstr "[de] Siehe den Plan zuerst."').replace('msgstr "[de] Rural municipalities struggle to fund *social services*.[^note]"', 'msgstr "[de] Rural municipalities struggle to fund *social services*."'))
    const run = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'de', '--doc', 'funding'])
    expect(run.code).toBe(0)
    const line = text.split('\n').findIndex((item) => item.startsWith('msgid "See [the plan]')) + 1
    expect(run.stderr).toMatch(new RegExp(`\\n${line}:1 +warning Missing link`))
    expect(run.stderr).toMatch(/Missing link to `plan\.md#steps` in translation, expected it as in the source\s+translation-link/)
    expect(run.stderr).toMatch(/Missing footnote reference `note` in translation.*translation-footnote/)
    const strict = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'de', '--doc', 'funding', '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(/error\s+Missing link to `plan\.md#steps`/)
  })
})
