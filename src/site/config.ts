import { relative, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };

/** The lessons folder the site is built from: `lessons/`, or another library (tests build fixtures) via LESSONS_DIR. */
export const LESSONS_DIR = process.env.LESSONS_DIR ?? 'lessons';

/**
 * Where the lesson files are edited, for the "edit" links on lesson and site pages, in one place: the `repository` of
 * package.json and its `lessonKits.editBranch` (default `main`); LESSON_KITS_REPOSITORY and LESSON_KITS_BRANCH override
 * them (CI sets the repository). No repository, no links.
 */
export const EDIT_SOURCE = editSource(
  process.env.LESSON_KITS_REPOSITORY ?? repositoryUrl((pkg as { repository?: string | { url?: string } }).repository),
  process.env.LESSON_KITS_BRANCH ?? (pkg as { lessonKits?: { editBranch?: string } }).lessonKits?.editBranch ?? 'main',
);

/** A repository's web address from package.json's `repository` (`github:org/repo`, `git+https://…/repo.git`, or an object with `url`). */
function repositoryUrl(repository: string | { url?: string } | undefined): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) return undefined;
  const short = /^(github|gitlab):([\w.-]+\/[\w.-]+)$/.exec(url);
  if (short) return `https://${short[1]}.com/${short[2]}`;
  return url.replace(/^git\+/, '').replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '');
}

/** The repository's web address and branch, when there is a repository at a web address. */
function editSource(repository: string | undefined, branch: string): { repository: string; branch: string } | undefined {
  if (!repository || !/^https?:\/\//.test(repository)) return undefined;
  return { repository: repository.replace(/\/+$/, ''), branch };
}

/**
 * The address where a file of the project (a lesson, a site page) is edited in the repository's web editor, or
 * undefined when no repository is configured. GitLab's editor lives under `/-/edit/`, GitHub's (and most others') under
 * `/edit/`.
 */
export function editUrl(file: string): string | undefined {
  if (!EDIT_SOURCE) return undefined;
  const path = relative(process.cwd(), resolve(file)).split('\\').join('/');
  if (path.startsWith('..')) return undefined;
  const edit = /gitlab/.test(new URL(EDIT_SOURCE.repository).host) ? '-/edit' : 'edit';
  return `${EDIT_SOURCE.repository}/${edit}/${encodeURIComponent(EDIT_SOURCE.branch).replace(/%2F/g, '/')}/${path.split('/').map(encodeURIComponent).join('/')}`;
}
