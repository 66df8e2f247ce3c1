/**
 * The error of a project that cannot be used as it is (no `documents/`, a
 * folder that is a link out of it, templates that cannot be found): a usage
 * error, reported in one line, exit 2. A module of its own, without the
 * project's loading, so that the command line knows it before it loads more.
 */
export class ProjectError extends Error {}
