import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/authorize';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { prisma } from '@/lib/db';
import { listUsers } from '@/lib/users/admin';
import { UsersCreateForm } from '@/components/admin/users-create-form';
import { UsersRowActions } from '@/components/admin/users-row-actions';
import { UsersAccountActions } from '@/components/admin/users-account-actions';

export const metadata: Metadata = { title: 'Users' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function UsersPage() {
  const me = await requirePageUser('admin', '/admin/users');
  const users = await listUsers(prisma);
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Users</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Staff accounts. Editors manage publications; admins also manage users and the taxonomy. Disabling an
          account signs it out everywhere at once; at least one active admin always remains. Someone who forgot their
          password gets a one-time reset link from you (nothing is sent by email).{' '}
          <Link href="/admin/history?entity=user" className="text-brand-700 underline">
            History of user changes
          </Link>
        </p>
      </div>

      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="text-lg font-semibold">
          Staff accounts ({users.length})
        </h2>
        <div className="mt-3 relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Sessions</th>
                <th scope="col" className="px-3 py-2">Created</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id} className={user.disabledAt ? 'bg-slate-50 text-slate-500' : undefined}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {user.name}
                    {user.id === me.id && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
                  </th>
                  <td className="px-3 py-2">{user.email}</td>
                  <td className="px-3 py-2">{user.role}</td>
                  <td className="px-3 py-2">
                    {user.disabledAt ? `Disabled ${dateFormat.format(user.disabledAt)}` : 'Active'}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{user.activeSessions}</td>
                  <td className="px-3 py-2">{dateFormat.format(user.createdAt)}</td>
                  <td className="px-3 py-2">
                    <UsersRowActions
                      user={{ id: user.id, name: user.name, role: user.role, disabled: user.disabledAt !== null }}
                    />
                    <UsersAccountActions user={{ id: user.id, name: user.name, email: user.email, disabled: user.disabledAt !== null }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="create-user-heading" className="max-w-2xl">
        <h2 id="create-user-heading" className="text-lg font-semibold">
          Add a user
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          You choose their initial password and hand it over yourself; nothing is sent by email.
        </p>
        <div className="mt-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <UsersCreateForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        </div>
      </section>
    </main>
  );
}
