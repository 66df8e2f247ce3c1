/**
 * Untrusted Markdown cannot put script into a page. Each payload is a
 * document of its own; the built page body is parsed as a browser would
 * (parse5, through hast-util-from-html) and searched for anything that can
 * run code, load a frame or restyle the page.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeProject, pageBody, runCli} from '../helpers.js'

const payloads: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '[md link](javascript:alert(1))',
  '[md link](JAVASCRIPT:alert(1))',
  '[md entity](&#x6A;avascript:alert(1))',
  '[md data](data:text/html,<script>alert(1)</script>)',
  '[md vbscript](vbscript:msgbox(1))',
  '![md image](javascript:alert(1))',
  '![md image data](data:image/png;base64,iVBORw0KGgo=)',
  '[ref][r]\n\n[r]: javascript:alert(1)',
  '<svg onload=alert(1)><circle r="4"/></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">x</math>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  '<form action="https://evil.example"><input name="q"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<base href="https://evil.example/">',
  '<details open ontoggle=alert(1)>x</details>',
  '<a href="#" onclick="alert(1)">click</a>',
  '<input autofocus onfocus=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<video><source onerror="alert(1)"></video>',
  '<a href="https://ok.example" target="_blank" formaction="javascript:alert(1)">ok</a>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<p id="x" name="y" class="evil" data-x="1" aria-hidden="true">attrs</p>'
]

const forbiddenTags = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
  'select', 'meta', 'link', 'base', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'source', 'body', 'html'
])
const urlProperties = ['href', 'src', 'action', 'formAction', 'data', 'background', 'poster', 'cite', 'xLinkHref', 'srcDoc']

/** Everything in `tree` that could run code or load something it should not. */
function dangers(tree: Root): string[] {
  const found: string[] = []
  visit(tree, 'element', (node: Element) => {
    // GFM task lists are the one input we make ourselves: a disabled checkbox.
    const taskCheckbox = node.tagName === 'input' && node.properties.type === 'checkbox' && node.properties.disabled === true
    if (forbiddenTags.has(node.tagName) && !taskCheckbox) found.push(`<${node.tagName}>`)
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push(`${node.tagName}[${key}]`)
      if (key === 'style') found.push(`${node.tagName}[style]`)
      if (urlProperties.includes(key)) {
        // Browsers drop control characters and spaces inside a scheme, so the check does too.
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        const url = String(value).replace(/[\u0000-\u0020]/g, '').toLowerCase()
        if (/^(javascript|vbscript|data):/.test(url)) found.push(`${node.tagName}[${key}=${value}]`)
        if (key === 'srcDoc' || key === 'formAction' || key === 'background') found.push(`${node.tagName}[${key}]`)
      }
    }
  })
  return found
}

describe('sanitizing untrusted Markdown and HTML', () => {
  let root: string

  beforeAll(async () => {
    const files: Record<string, string> = {}
    for (const [index, payload] of payloads.entries()) {
      files[`documents/p${index}.md`] = `---\ntitle: Payload ${index}\n---\n\nBefore.\n\n${payload}\n\nInline ${payload} after.\n`
    }
    root = await makeProject(files)
    const run = await runCli(['build', '--format', 'html', '--root', root, '--lang', 'en', '--quiet'])
    expect(run.code, run.stderr).toBe(0)
  })

  it('tests at least 30 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30)
  })

  it.each(payloads.map((payload, index) => [index, payload]))('payload %i is neutralized: %s', async (index) => {
    const html = await fs.readFile(path.join(root, `dist/en/p${index}.html`), 'utf8')
    const body = pageBody(html)
    expect(dangers(fromHtml(body, {fragment: true}))).toEqual([])
    // The page around the body is ours and carries no script or script URL in any attribute either.
    const page = fromHtml(html)
    const scripts: string[] = []
    visit(page, 'element', (node: Element) => {
      if (node.tagName === 'script') scripts.push('<script>')
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key) || /^\s*(javascript|vbscript|data):/i.test(String(value))) scripts.push(`${node.tagName}[${key}]`)
      }
    })
    expect(scripts).toEqual([])
    // The text before the payload survives: sanitizing removes the attack, not the document.
    expect(body).toContain('<p>Before.</p>')
  })

  it('keeps harmless markup and ids', async () => {
    const body = pageBody(await fs.readFile(path.join(root, `dist/en/p${payloads.length - 1}.html`), 'utf8'))
    expect(body).toContain('<p id="x" name="y">attrs</p>')
  })
})
