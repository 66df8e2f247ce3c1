/** Which Host and Origin preview answers: its own address and localhost, never a name a web page could rebind. */
import {describe, expect, it} from 'vitest'
import {hostAllowed, originAllowed} from '../../src/preview/allowed-host.js'

const local = {listen: '127.0.0.1', port: 4000}
const everywhere = {listen: '0.0.0.0', port: 4000, allowed: ['laptop.lan']}

describe('hostAllowed', () => {
  it.each([
    ['127.0.0.1:4000', local, true],
    ['localhost:4000', local, true],
    ['LOCALHOST:4000', local, true],
    ['docs.localhost:4000', local, true],
    ['[::1]:4000', local, true],
    ['rebind.example:4000', local, false],
    ['127.0.0.1.nip.io:4000', local, false],
    ['127.0.0.1:4001', local, false],
    ['127.0.0.1', local, false],
    [undefined, local, false],
    ['', local, false],
    ['192.168.1.20:4000', local, false],
    ['192.168.1.20:4000', everywhere, true],
    ['laptop.lan:4000', everywhere, true],
    ['rebind.example:4000', everywhere, false]
  ])('%s for %j: %s', (host, policy, expected) => {
    expect(hostAllowed(host, policy)).toBe(expected)
  })
})

describe('originAllowed', () => {
  it.each([
    [undefined, true],
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
    ['http://rebind.example:4000', false],
    ['https://127.0.0.1:4000', false],
    ['null', false]
  ])('%s: %s', (origin, expected) => {
    expect(originAllowed(origin, local)).toBe(expected)
  })
})
