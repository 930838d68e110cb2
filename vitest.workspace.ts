import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** One vitest project per workspace package (the layout is fixed: packages/*, packages/adapters/*, apps/*). */
const roots = ['packages', 'packages/adapters', 'apps'];

export const projects: string[] = roots.flatMap((root) =>
  existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'package.json')))
        .map((d) => join(root, d.name))
    : [],
);

/** Repo tooling (scaffold, generators) has tests too. */
projects.push('scripts');

export default projects;
