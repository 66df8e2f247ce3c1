/**
 * Punctuation our fonts have no glyph for, written with one they have, for
 * print. No @fontsource subset of Source Serif 4 or Source Sans 3 holds
 * U+2010 HYPHEN (the UDHR's "non‐political"), the non-breaking hyphen, the
 * figure dash or most of the typographic spaces, although the `latin`
 * subset's unicode-range claims U+2000–206F; Chromium then takes the glyph
 * from a system font (DejaVu, Liberation) and the PDF mixes typefaces. Each
 * is replaced, everywhere in the print page, by the character of the same
 * look that the fonts do hold. The web page keeps the text as written: its
 * readers' fonts may have them.
 */

/** Character → its stand-in; every stand-in is in the `latin` subset of both families. */
const standIns: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen: the break it forbids is rare enough to lose
  '\u2012': '\u2013', // figure dash → en dash
  '\u2015': '\u2014', // horizontal bar (quotation dash) → em dash
  '\u2000': ' ', // en quad
  '\u2001': ' ', // em quad
  '\u2002': ' ', // en space
  '\u2003': ' ', // em space
  '\u2004': ' ', // three-per-em space
  '\u2005': ' ', // four-per-em space
  '\u2006': ' ', // six-per-em space
  '\u2007': '\u00a0', // figure space: it does not break
  '\u2008': ' ', // punctuation space
  '\u200a': '\u2009', // hair space → thin space
  '\u202f': '\u00a0', // narrow no-break space (French « », digit groups) → no-break space
  '\u201b': '\u2018', // reversed single quotation mark
  '\u201f': '\u201c', // reversed double quotation mark
  '\u2027': '\u00b7', // hyphenation point → middle dot
  '\u2043': '-' // hyphen bullet
}

const missing = new RegExp(`[${Object.keys(standIns).join('')}]`, 'gu')

/** `text` with each character our fonts lack replaced by its stand-in. */
export function printablePunctuation(text: string): string {
  return text.replace(missing, (character) => standIns[character]!)
}
