/** The public API of policy-press. */
export {main} from './cli/main.js'
export {type Config, configJsonSchema, configSchema, loadConfig} from './config.js'
export {type FrontMatter, frontMatterSchema} from './markdown/front-matter.js'
export {type BuildOptions, type BuildResult, build} from './pipeline/index.js'
export {loadProject, type Project} from './project.js'
export {version} from './version.js'
