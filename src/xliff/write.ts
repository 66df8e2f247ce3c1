/**
 * The XLIFF text of one document's units, 1.2 or 2.0, with each unit's
 * state as states.ts maps it, the previous source of a stale unit as a note
 * and where the text is (document line, PO file line) as another.
 */
import type {SegmentState} from '../catalog/merge.js'
import {exportState12, exportState20} from './states.js'
import type {XliffInline} from './inline.js'
import {namespaces} from './read.js'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export interface UnitToWrite {
  id: string
  state: SegmentState
  source: XliffInline
  target: XliffInline | undefined
  location: string
  /** The PO file and line of the entry. */
  po: string
  previous: string | undefined
}

export interface DocumentToWrite {
  slug: string
  sourceLanguage: string
  targetLanguage: string
  units: UnitToWrite[]
}

function unit12(unit: UnitToWrite): string {
  const {approved, state, qualifier} = exportState12(unit.state)
  // A missing translation has an empty target, which is where 1.2 keeps the state `needs-translation`.
  const target = `<target state="${state}"${qualifier ? ` state-qualifier="${qualifier}"` : ''}>${unit.target?.content ?? ''}</target>`
  return [
    `      <trans-unit id="${unit.id}" resname="${unit.id}"${approved ? ' approved="yes"' : ''} xml:space="preserve">`,
    `        <source>${unit.source.content}</source>`,
    `        ${target}`,
    `        <note from="policy-press" annotates="general">state: ${unit.state}; location: ${escape(unit.location)}; PO: ${escape(unit.po)}</note>`,
    ...(unit.previous !== undefined ? [`        <note from="previous-source" annotates="source">${escape(unit.previous)}</note>`] : []),
    '      </trans-unit>'
  ].join('\n')
}

function unit20(unit: UnitToWrite): string {
  const {state, subState} = exportState20(unit.state)
  const data = [...unit.source.data, ...(unit.target?.data ?? [])].filter((item, index, all) => all.findIndex((other) => other.id === item.id) === index)
  return [
    `    <unit id="${unit.id}">`,
    '      <notes>',
    `        <note category="location">${escape(unit.location)}</note>`,
    `        <note category="state">${unit.state}</note>`,
    ...(unit.previous !== undefined ? [`        <note category="previous-source">${escape(unit.previous)}</note>`] : []),
    '      </notes>',
    ...(data.length > 0 ? ['      <originalData>', ...data.map((item) => `        <data id="${item.id}">${escape(item.value)}</data>`), '      </originalData>'] : []),
    `      <segment state="${state}"${subState ? ` subState="${subState}"` : ''}>`,
    `        <source xml:space="preserve">${unit.source.content}</source>`,
    ...(unit.target ? [`        <target xml:space="preserve">${unit.target.content}</target>`] : []),
    '      </segment>',
    '    </unit>'
  ].join('\n')
}

export function writeXliff(document: DocumentToWrite, version: '1.2' | '2.0'): string {
  const original = escape(`documents/${document.slug}`)
  const source = escape(document.sourceLanguage)
  const target = escape(document.targetLanguage)
  if (version === '1.2') {
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<xliff version="1.2" xmlns="${namespaces['1.2']}">`,
      `  <file original="${original}" source-language="${source}" target-language="${target}" datatype="x-markdown" tool-id="policy-press">`,
      '    <header><tool tool-id="policy-press" tool-name="policy-press"/></header>',
      '    <body>',
      ...document.units.map(unit12),
      '    </body>',
      '  </file>',
      '</xliff>',
      ''
    ].join('\n')
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${namespaces['2.0']}" version="2.0" srcLang="${source}" trgLang="${target}">`,
    `  <file id="${escape(document.slug.replace(/[^\w.-]/g, '_'))}" original="${original}">`,
    ...document.units.map(unit20),
    '  </file>',
    '</xliff>',
    ''
  ].join('\n')
}
