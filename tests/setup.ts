/** Removes the temporary projects a test file made, after the file has run. */
import {afterAll} from 'vitest'
import {removeProjects} from './helpers.js'

afterAll(removeProjects)
