/**
 * Which `Host` and `Origin` a local server answers. A web page the author
 * visits can make its own domain name resolve to 127.0.0.1 (DNS rebinding)
 * and read what the server serves; its requests then carry that domain name
 * in `Host`. So a request is answered only when it names the server by an
 * address it listens on, by `localhost`, or by a name the author allowed
 * (webpack-dev-server's CVE-2018-14732, Vite's `server.allowedHosts`).
 */
import net from 'node:net'

export interface HostPolicy {
  /** The address the server listens on (`127.0.0.1`, `0.0.0.0`, `::`, a name). */
  listen: string
  port: number
  /** Further host names the author allows (`--allow-host`). */
  allowed?: string[] | undefined
}

const wildcard = new Set(['0.0.0.0', '::', ''])

/** The host name of a `Host` header value (`name:port`, `[::1]:port`), lower-cased, and its port. */
function split(host: string): {name: string; port: number | undefined} | undefined {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase())
  if (!match) return undefined
  return {name: match[1]!.replace(/^\[|\]$/g, ''), port: match[2] === undefined ? undefined : Number(match[2])}
}

/** Whether a request whose `Host` header is `host` may be answered. */
export function hostAllowed(host: string | undefined, policy: HostPolicy): boolean {
  if (!host) return false
  const parts = split(host)
  if (!parts) return false
  // Without a port the request went to HTTP's default one.
  if ((parts.port ?? 80) !== policy.port) return false
  const {name} = parts
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  if (name === policy.listen.toLowerCase()) return true
  if (policy.allowed?.some((allowed) => allowed.toLowerCase() === name)) return true
  // Listening on every interface, the server is reached by any of the machine's addresses; an address,
  // unlike a name, cannot be rebound to another site.
  if (net.isIP(name)) return wildcard.has(policy.listen) || name === '127.0.0.1' || name === '::1'
  return false
}

/** Whether a request's `Origin` (sent by browsers with scripted and cross-site requests) is the server's own. */
export function originAllowed(origin: string | undefined, policy: HostPolicy): boolean {
  if (origin === undefined) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  return url.protocol === 'http:' && hostAllowed(url.host, policy)
}
