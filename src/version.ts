/** The version of policy-press, from its package.json. */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

export const version: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version

/** The folder of policy-press's compiled code (lib/), whether this module runs on its own or bundled. */
export const codeFolder: string = fileURLToPath(new URL('./', import.meta.url))
