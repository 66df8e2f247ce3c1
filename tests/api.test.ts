/** The public API: what `import … from 'policy-press'` gives. */
import {expect, it} from 'vitest'
import * as api from '../src/index.js'

it('exports the documented API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'build',
    'configJsonSchema',
    'configSchema',
    'frontMatterSchema',
    'loadConfig',
    'loadProject',
    'main',
    'version'
  ])
})
