/**
 * The script "preview" adds to the pages it serves: it reloads the page when
 * its document is rebuilt and shows build errors over it. Built pages carry
 * no script; only preview's copies do.
 */
export const clientScript = `;(() => {
  const events = new EventSource('/__preview/events')
  const overlay = () => {
    let element = document.getElementById('policy-press-overlay')
    if (!element) {
      element = document.createElement('div')
      element.id = 'policy-press-overlay'
      element.setAttribute('role', 'alert')
      element.style.cssText = 'position:fixed;inset:0;z-index:99999;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 monospace;padding:2rem;overflow:auto;white-space:pre-wrap'
      document.body.append(element)
    }
    return element
  }
  events.addEventListener('reload', (event) => {
    const pages = JSON.parse(event.data)
    if (pages.includes(location.pathname) || pages.includes('*')) location.reload()
  })
  events.addEventListener('problems', (event) => {
    const text = JSON.parse(event.data)
    if (text) overlay().textContent = \`policy-press: the build has errors\n\n\${text}\`
    else document.getElementById('policy-press-overlay')?.remove()
  })
})()
`
