import { parseArgs } from 'node:util';
import { ConfigError } from '@relay/core';
import type { Db } from '../db/client';
import {
  accountJson,
  addAccount,
  deleteAdminAccount,
  findAdminAccount,
  generatePassword,
  listAdminAccounts,
  passwordSchema,
  roleSchema,
  setPassword,
  usernameSchema,
} from './accounts';

const USAGE = `relay accounts add <username> --role viewer|operator|admin [--password-stdin]
relay accounts list
relay accounts passwd <username> [--password-stdin]
relay accounts remove <username>
Without --password-stdin a random password is generated and printed once.`;

async function readStdinLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

function valid<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } };
  },
  value: unknown,
  field: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ConfigError(`${field}: ${r.error.issues[0]?.message}`, { field });
  return r.data;
}

/**
 * `relay accounts …`: manage the named admin accounts. Writes what happened to `out` (one JSON
 * object per line) and never logs a password except a generated one, printed once.
 */
export async function accountsCommand(
  db: Db,
  argv: string[],
  io: { out: (line: string) => void; stdin: NodeJS.ReadableStream } = {
    out: (line) => process.stdout.write(`${line}\n`),
    stdin: process.stdin,
  },
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  });
  const [action, name] = positionals;
  const password = async () => {
    if (!values['password-stdin']) return { password: generatePassword(), generated: true };
    return { password: valid(passwordSchema, await readStdinLine(io.stdin), 'password'), generated: false };
  };
  const need = (): string => {
    if (!name)
      throw new ConfigError(`relay accounts ${action} needs a username\n${USAGE}`, { field: 'username' });
    return valid(usernameSchema, name, 'username');
  };

  switch (action) {
    case 'list': {
      for (const row of await listAdminAccounts(db)) io.out(JSON.stringify(accountJson(row)));
      return;
    }
    case 'add': {
      const username = need();
      const role = valid(roleSchema, values.role, 'role');
      const p = await password();
      const created = await addAccount(db, username, role, p.password);
      if (!created) throw new ConfigError(`account '${username}' already exists`, { field: 'username' });
      io.out(JSON.stringify({ added: accountJson(created), ...(p.generated && { password: p.password }) }));
      return;
    }
    case 'passwd': {
      const username = need();
      const row = await findAdminAccount(db, username);
      if (!row || row.username !== username)
        throw new ConfigError(`no account '${username}'`, { field: 'username' });
      const p = await password();
      await setPassword(db, row.id, p.password);
      io.out(JSON.stringify({ password_changed: username, ...(p.generated && { password: p.password }) }));
      return;
    }
    case 'remove': {
      const username = need();
      const row = await findAdminAccount(db, username);
      if (!row || row.username !== username || !(await deleteAdminAccount(db, row.id)))
        throw new ConfigError(`no account '${username}'`, { field: 'username' });
      io.out(JSON.stringify({ removed: username }));
      return;
    }
    default:
      throw new ConfigError(`relay accounts: unknown action '${action ?? ''}'\n${USAGE}`, {
        field: 'action',
      });
  }
}
