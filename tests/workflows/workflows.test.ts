/**
 * The GitHub workflows: ours and the one `init` writes. Each is valid for the
 * workflow schema (action-validator, a validator we did not write) and keeps
 * the rules a maintainer relies on: least privilege per job, a time limit,
 * current major versions of the actions, no hidden failures, caches keyed by
 * content (reused between runs, not one per commit).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {validateWorkflow} from '@action-validator/core'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {repoRoot} from '../helpers.js'

/** The current major version of each action we use (late 2026). */
const currentMajors: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/cache': 'v6',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'actions/upload-pages-artifact': 'v5',
  'actions/deploy-pages': 'v5'
}

const workflows = ['.github/workflows/ci.yml', '.github/workflows/publish.yml', 'templates/init/.github/workflows/publish.yml']

interface Step {
  uses?: string
  run?: string
  with?: Record<string, string>
}
interface Job {
  permissions?: unknown
  'timeout-minutes'?: number
  steps: Step[]
}

describe.each(workflows.filter((file) => file.endsWith('publish.yml')))('%s', (file) => {
  it('plans, builds shards on a matrix, and assembles them before publishing', async () => {
    const workflow = parse(await fs.readFile(path.join(repoRoot, file), 'utf8'))
    expect(workflow.jobs.plan.outputs.matrix).toBe('${{ steps.plan.outputs.matrix }}')
    expect(workflow.jobs.build.needs).toBe('plan')
    expect(workflow.jobs.build.strategy.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}')
    const upload = workflow.jobs.build.steps.find((step: {uses?: string}) => step.uses?.startsWith('actions/upload-artifact@'))
    // Without it, upload-artifact leaves out the shard manifest (a dotfile), and assemble refuses every shard.
    expect(upload.with['include-hidden-files']).toBe(true)
    expect(workflow.jobs.assemble.needs).toBe('build')
    expect(workflow.jobs.pages.needs).toBe('assemble')
    expect(workflow.jobs.release.needs).toBe('assemble')
  })
})

describe.each(workflows)('%s', (file) => {
  it('is a valid workflow with least privilege, time limits, current actions and content-keyed caches', async () => {
    const text = await fs.readFile(path.join(repoRoot, file), 'utf8')
    expect(validateWorkflow(text).errors).toEqual([])
    const workflow = parse(text) as {permissions?: unknown; concurrency?: unknown; jobs: Record<string, Job>}
    // Nothing is granted to every job; each job asks for what it needs.
    expect(workflow.permissions).toEqual({})
    expect(workflow.concurrency).toBeDefined()
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `permissions of job ${name}`).toBeTypeOf('object')
      expect(job['timeout-minutes'], `timeout-minutes of job ${name}`).toBeGreaterThan(0)
      for (const step of job.steps) {
        if (step.uses) {
          const [action, ref] = step.uses.split('@')
          expect(currentMajors[action!], `${action} is one we know`).toBeDefined()
          expect(`${action}@${ref}`).toBe(`${action}@${currentMajors[action!]}`)
        }
        // A failed install or check must fail the job.
        expect(step.run ?? '').not.toMatch(/\|\|\s*true/)
        if (step.uses?.startsWith('actions/cache@')) {
          expect(step.with!.key).not.toMatch(/github\.(sha|run_id|run_number)/)
          expect(step.with!.key).toContain('hashFiles(')
          expect(step.with!['restore-keys']).toBeDefined()
        }
      }
    }
  })
})
