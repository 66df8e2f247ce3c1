/**
 * The manifest a shard of a build (the jobs one machine of several builds,
 * see plan.ts) leaves beside its outputs for `assemble`: the plan it
 * belongs to, its jobs, every file it wrote with its hash, the site records
 * of its pages and its messages.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {z} from 'zod'
import type {Manifest} from './fingerprint.js'
import type {SiteDocument} from './site-record.js'
import {writeAtomic} from '../write-atomic.js'

/** The shard manifest's name in a shard's output folder; `assemble` does not copy it. */
export const shardManifestName = '.policy-press-shard.json'

const shardManifestSchema = z.object({
  plan: z.string(),
  formats: z.array(z.enum(['html', 'pdf'])),
  shard: z.object({index: z.number().int().positive(), total: z.number().int().positive()}),
  jobs: z.array(z.string()),
  outputs: z.array(z.object({path: z.string(), size: z.number(), sha256: z.string()})),
  site: z.array(z.custom<SiteDocument>((value) => typeof value === 'object' && value !== null && 'slug' in value)),
  messages: z.array(z.custom<Manifest['messages'][number]>((value) => typeof value === 'object' && value !== null && 'reason' in value))
})

export type ShardManifest = z.infer<typeof shardManifestSchema>

export async function writeShardManifest(
  out: string,
  manifest: Omit<ShardManifest, 'outputs'> & {outputs: Array<{path: string; size: number}>}
): Promise<void> {
  const outputs = await Promise.all(
    manifest.outputs.map(async (output) => ({...output, sha256: createHash('sha256').update(await fs.readFile(path.join(out, output.path))).digest('hex')}))
  )
  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  await writeAtomic(path.join(out, shardManifestName), `${JSON.stringify({...manifest, outputs}, null, 1)}\n`)
}

/** A shard folder's manifest, or the reason it cannot be used. */
export async function readShardManifest(dir: string): Promise<ShardManifest | string> {
  let text: string
  try {
    text = await fs.readFile(path.join(dir, shardManifestName), 'utf8')
  } catch {
    return `Cannot find \`${shardManifestName}\` in \`${dir}\`, expected the output folder of \`policy-press build --shard K/N\``
  }
  let parsed: ReturnType<typeof shardManifestSchema.safeParse>
  try {
    parsed = shardManifestSchema.safeParse(JSON.parse(text))
  } catch (error) {
    return `Cannot read \`${path.join(dir, shardManifestName)}\`: ${(error as Error).message}`
  }
  return parsed.success ? parsed.data : `Unexpected contents of \`${path.join(dir, shardManifestName)}\`: ${parsed.error.issues[0]!.message}`
}
