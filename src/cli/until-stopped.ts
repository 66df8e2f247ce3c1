/**
 * How a long-running command (preview) learns it should stop: SIGINT
 * (Ctrl-C), SIGTERM (kill), SIGHUP (its terminal closed), or the death of a
 * process that started it. `npx policy-press preview &` gives the shell npx's
 * PID, not ours: killing it must not leave Node, Chromium and the port behind,
 * so every ancestor (npx, the shell npm runs us through, the terminal) is
 * watched, not only our parent.
 */
import fs from 'node:fs'

/** Our ancestors' PIDs, nearest first, below init (Linux's /proc; elsewhere just the parent). */
function ancestors(): number[] {
  const chain: number[] = []
  let pid = process.ppid
  while (pid > 1 && chain.length < 32) {
    chain.push(pid)
    try {
      // The fourth field of /proc/PID/stat is the parent's PID; the second, the name, may hold spaces.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    } catch {
      break
    }
  }
  return chain
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Resolves with the reason once the process is asked to stop, or once a process that started it is gone. */
export function untilStopped(interval = 500): Promise<string> {
  return new Promise((resolve) => {
    const watched = ancestors()
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
    const stop = (reason: string) => {
      clearInterval(timer)
      for (const signal of signals) process.removeListener(signal, handlers[signal])
      resolve(reason)
    }
    const handlers = Object.fromEntries(signals.map((signal) => [signal, () => stop(signal)])) as Record<(typeof signals)[number], () => void>
    for (const signal of signals) process.once(signal, handlers[signal])
    const timer = setInterval(() => {
      const gone = watched.find((pid) => !alive(pid))
      // An orphan is adopted by init (or a subreaper): a new parent means the old one is gone.
      const adopted = watched.length > 0 && process.ppid !== watched[0]
      if (gone !== undefined || adopted) stop(`the process that started preview (${gone ?? process.ppid}) ended`)
    }, interval)
    timer.unref()
  })
}
