/**
 * import-xliff refuses a file it cannot trust, whole, at the place of the
 * problem (file:line:column), and then writes nothing: no PO file changes,
 * even for the good files given with it.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers.js'
import {exported, fourStates} from './project.js'

/** A project, its exported XLIFF with every target confirmed, and the PO file's bytes before any import. */
async function setup(): Promise<{root: string; file: string; xml: string; po: string; before: string}> {
  const root = await fourStates()
  const file = await exported(root)
  const xml = (await fs.readFile(file, 'utf8'))
    .replace(/<target state="needs-translation"><\/target>/g, '<target state="final">Übersetzt.</target>')
    .replace(/<target state="needs-review-translation"[^>]*>/g, '<target state="final">')
  const po = path.join(root, 'translations/de/doc.po')
  return {root, file, xml, po, before: await fs.readFile(po, 'utf8')}
}

async function refused({root, file, po, before, xml}: Awaited<ReturnType<typeof setup>>, text: string, expected: RegExp): Promise<void> {
  await fs.writeFile(file, text)
  // A good file given with it is not imported either.
  const good = path.join(root, 'xliff/good.xlf')
  await fs.writeFile(good, xml)
  const run = await runCli(['import-xliff', '--root', root, good, file])
  expect(run.code).toBe(1)
  expect(run.stdout).toBe('Imported nothing: no PO file changed\n')
  expect(run.stderr).toMatch(expected)
  expect(await fs.readFile(po, 'utf8')).toBe(before)
}

describe('import-xliff refuses', () => {
  it('a file cut off half-way, at the end of what is there', async () => {
    const project = await setup()
    const {xml} = project
    const cut = xml.slice(0, Math.floor(xml.length * 0.6))
    const lines = cut.split('\n')
    await refused(project, cut, new RegExp(`xliff/doc\\.de\\.xlf\\n\\s*${lines.length}:\\d+\\s+error\\s+Cannot parse XLIFF: unclosed tag: \\w[\\w-]*\\s+xliff-syntax`))
  })

  it('malformed XML inside, at its place', async () => {
    const project = await setup()
    const {xml} = project
    const broken = xml.replace('<source>Funding</source>', '<source>Funding</target>')
    const line = broken.split('\n').findIndex((item) => item.includes('<source>Funding</target>')) + 1
    await refused(project, broken, new RegExp(`\\n\\s*${line}:\\d+\\s+error\\s+Cannot parse XLIFF: unexpected close tag\\s+xliff-syntax`))
  })

  it('an unknown version of XLIFF', async () => {
    const project = await setup()
    await refused(project, project.xml.replace('version="1.2"', 'version="3.0"'), /\n\s*2:1\s+error\s+Unexpected `<xliff>` of version `3\.0`.*xliff-version/)
  })

  it('a file for another language or another document', async () => {
    const project = await setup()
    const {xml} = project
    await refused(project, xml.replace('target-language="de"', 'target-language="fr"'), /\n\s*3:3\s+error\s+Unexpected XLIFF for `documents\/doc` in `fr`.*xliff-file/)
    await refused(project, xml.replace('original="documents/doc"', 'original="documents/other"'), /\n\s*3:3\s+error\s+Unexpected XLIFF for `documents\/other` in `de`.*xliff-file/)
  })

  it('entity declarations: external entities and entity bombs', async () => {
    const project = await setup()
    const {xml} = project
    const withDoctype = (doctype: string) => xml.replace('?>\n', `?>\n${doctype}\n`).replace('<source>Funding</source>', '<source>Funding &e;</source>')
    await refused(project, withDoctype('<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>'), /\n\s*2:\d+\s+error\s+Cannot parse XLIFF: Unexpected entity declaration in DOCTYPE.*xliff-syntax/)
    await refused(project, withDoctype('<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY e "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'), /\n\s*2:\d+\s+error\s+Cannot parse XLIFF: Unexpected entity declaration in DOCTYPE.*xliff-syntax/)
    // An entity no DOCTYPE declares (HTML's `&nbsp;`) is not XML.
    const line = xml.split('\n').findIndex((item) => item.includes('<source>Funding</source>')) + 1
    await refused(project, xml.replace('<source>Funding</source>', '<source>Funding&nbsp;</source>'), new RegExp(`\\n\\s*${line}:\\d+\\s+error\\s+Cannot parse XLIFF: undefined entity\\s+xliff-syntax`))
  })
})
