/**
 * When the build starts Chromium (early-browser.ts, schedule.ts): once, by
 * the command line, on a machine that has printed nothing for the project
 * (not again by the build it then loads); when
 * a PDF is new though others were printed; never for a build of pages only
 * or one with nothing to do. Read from the command as shipped, with
 * `DEBUG=policy-press:pdf`, which logs each launch.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeProject, runCli} from '../helpers.js'

const launches = (stderr: string) => stderr.split('\n').filter((line) => line.includes('policy-press:pdf launching')).length

describe('the browser of a build', () => {
  it('starts once for a first PDF build, never for pages only or nothing to do, and again for a new language', async () => {
    const root = await makeProject({
      'policy-press.config.yaml': 'source: en\ntargets: [de]\n',
      'documents/brief.md': '---\ntitle: Brief\ndate: 2024-05-01\n---\n\n## One\n\nA sentence.\n'
    })
    const debug = {DEBUG: 'policy-press:pdf'}
    const pagesOnly = await runCli(['build', '--root', root, '--format', 'html', '--quiet'], root, debug)
    expect(pagesOnly.code).toBe(0)
    expect(launches(pagesOnly.stderr)).toBe(0)

    const first = await runCli(['build', '--root', root, '--quiet'], root, debug)
    expect(first.code).toBe(0)
    expect(launches(first.stderr)).toBe(1)

    const again = await runCli(['build', '--root', root, '--quiet'], root, debug)
    expect(again.code).toBe(0)
    expect(launches(again.stderr)).toBe(0)

    // PDFs printed before, one never: the browser starts with the build's stages, once.
    await fs.writeFile(path.join(root, 'policy-press.config.yaml'), 'source: en\ntargets: [de, lv]\n')
    const added = await runCli(['build', '--root', root, '--quiet'], root, debug)
    expect(added.code).toBe(0)
    expect(launches(added.stderr)).toBe(1)
    expect(await fs.stat(path.join(root, 'dist/lv/brief.pdf'))).toBeTruthy()
  })
})
