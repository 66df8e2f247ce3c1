/**
 * sync and status across a source change, one fixture folder per kind of
 * edit: `v1.md` is synced and every entry translated ("[de] " + the English),
 * then the source becomes `v2.md` (and `v3.md`, if any) and is synced again.
 * The PO file must equal `expected.po`, the status `expected.status.json`;
 * every PO file must pass `msgfmt --check`, and a second sync must change no
 * byte. `UPDATE=1` rewrites the expected files.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {golden, makeProject, msgfmtCheck, repoRoot, runCli, translateAll} from '../helpers.js'

const fixtures = path.join(repoRoot, 'tests/fixtures/sync')

describe('sync across source changes', async () => {
  const cases = (await fs.readdir(fixtures)).sort()
  for (const name of cases) {
    it(name, async () => {
      const folder = path.join(fixtures, name)
      const root = await makeProject({'documents/doc.md': await fs.readFile(path.join(folder, 'v1.md'), 'utf8')})
      const po = path.join(root, 'translations/de/doc.po')
      expect((await runCli(['sync', '--root', root, '--lang', 'de'])).code).toBe(0)
      await msgfmtCheck(po)
      await translateAll(po)
      for (const version of ['v2.md', 'v3.md']) {
        const source = await fs.readFile(path.join(folder, version), 'utf8').catch(() => undefined)
        if (source === undefined) continue
        await fs.writeFile(path.join(root, 'documents/doc.md'), source)
        if (version === 'v2.md') {
          // status reads the source directly: it must agree with what sync will write.
          const before = await runCli(['status', '--root', root, '--lang', 'de', '--format', 'json'])
          const after = await runCli(['sync', '--root', root, '--lang', 'de'])
          expect(after.code, after.stderr).toBe(0)
          const synced = await runCli(['status', '--root', root, '--lang', 'de', '--format', 'json'])
          expect(JSON.parse(before.stdout)).toEqual(JSON.parse(synced.stdout))
          continue
        }
        expect((await runCli(['sync', '--root', root, '--lang', 'de'])).code).toBe(0)
      }
      await msgfmtCheck(po)
      const text = await fs.readFile(po, 'utf8')
      expect(text).toBe(await golden(path.join(folder, 'expected.po'), text))
      const again = await runCli(['sync', '--root', root, '--lang', 'de'])
      expect(again.stdout).toBe('Synced 1 PO file: 0 created, 0 updated, 1 unchanged\n')
      expect(await fs.readFile(po, 'utf8')).toBe(text)
      const status = (await runCli(['status', '--root', root, '--lang', 'de', '--format', 'json'])).stdout
      expect(status).toBe(await golden(path.join(folder, 'expected.status.json'), status))
    })
  }
})
