/**
 * The Markdown dialect of policy-press: CommonMark with GFM (tables,
 * footnotes, strikethrough, task lists, autolink literals) and YAML front
 * matter. Every stage that reads a source file parses it with this.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

export const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
