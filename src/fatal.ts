/** Whether any of `files` has a fatal message (an error, as opposed to a warning). */
import type {VFile} from 'vfile'

export function hasFatal(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal))
}
