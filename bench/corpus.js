// Generates a corpus of policy documents for benchmarks: deterministic, built
// from the sentences of the repository's own sample documents, with the
// Markdown features real documents use (headings, lists, a table, footnotes,
// links between documents).
import fs from 'node:fs/promises'
import path from 'node:path'

const repo = path.resolve(import.meta.dirname, '..')

async function sentences() {
  const files = [
    'documents/policy-recommendations.md',
    ...(await fs.readdir(path.join(repo, 'documents/empowerment-handbook')))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `documents/empowerment-handbook/${name}`)
  ]
  const text = (await Promise.all(files.map((file) => fs.readFile(path.join(repo, file), 'utf8')))).join('\n')
  return text
    .replace(/^---[\s\S]*?---/m, '')
    .split('\n')
    .filter((line) => /^[A-Z]/.test(line))
    .flatMap((line) => line.match(/[^.!?]+[.!?]/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 40 && !sentence.includes('['))
}

/** Write `count` documents of about `words` words each into `root/documents/`. */
export async function writeCorpus(root, {count = 50, words = 2000} = {}) {
  const pool = await sentences()
  let next = 0
  const sentence = () => pool[next++ % pool.length]
  await fs.mkdir(path.join(root, 'documents'), {recursive: true})
  for (let index = 0; index < count; index++) {
    const parts = [
      '---',
      `title: Generated policy paper ${index + 1}`,
      'subtitle: A benchmark document',
      `summary: ${JSON.stringify(sentence())}`,
      'type: policy-paper',
      'authors: [Benchmark]',
      'date: 2025-01-15',
      'version: "1.0"',
      '---',
      ''
    ]
    let written = 0
    for (let section = 1; written < words; section++) {
      parts.push(`## Section ${section}: ${sentence().split(' ').slice(0, 5).join(' ')}`, '')
      for (let paragraph = 0; paragraph < 3; paragraph++) {
        const text = [sentence(), sentence(), sentence(), sentence()].join(' ')
        written += text.split(' ').length
        parts.push(paragraph === 1 ? `${text} See [the next paper](doc-${(index + 1) % count}.md).[^n${section}]` : text, '')
      }
      parts.push(`- ${sentence()}`, `- **${sentence()}**`, `- *${sentence()}*`, '')
      if (section % 3 === 0) parts.push('| Measure | Who | When |', '|---|---|---|', `| ${sentence()} | Municipality | 2026 |`, `| ${sentence()} | NGOs | 2027 |`, '')
      parts.push(`[^n${section}]: ${sentence()}`, '')
    }
    await fs.writeFile(path.join(root, 'documents', `doc-${index}.md`), parts.join('\n'))
  }
}
