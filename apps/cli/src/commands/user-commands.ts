import { ORG_ROLES, OrgRole, SYSTEM, TokenService, UserService } from '@opendata/auth';
import { OrganizationService, ReviewService } from '@opendata/catalog';
import { Command, UsageError, optionString, requireArg } from './command';

export const userCommands: Command[] = [
  {
    name: 'user:create',
    usage: 'user:create <username> --name <display name> [--email <email>] [--sysadmin]',
    summary: 'Create a user (optionally a system administrator).',
    options: { name: { type: 'string' }, email: { type: 'string' }, sysadmin: { type: 'boolean' } },
    async run(ctx, args, out) {
      const user = await ctx!.get(UserService).createUser(SYSTEM, {
        username: requireArg(args, 0, 'username'),
        displayName: optionString(args, 'name') ?? requireArg(args, 0, 'username'),
        email: optionString(args, 'email') ?? null,
        isSysadmin: args.options.sysadmin === true,
      });
      out(`created user ${user.username}${user.isSysadmin ? ' (system administrator)' : ''} id=${user.id}`);
    },
  },
  {
    name: 'member:set',
    usage: `member:set <username> <organization-slug> <${ORG_ROLES.join('|')}>`,
    summary: "Give a user a role in an organization (replaces the user's previous role there).",
    async run(ctx, args, out) {
      const role = requireArg(args, 2, 'role') as OrgRole;
      if (!ORG_ROLES.includes(role)) throw new UsageError(`role must be one of ${ORG_ROLES.join(', ')}`);
      const organization = await ctx!.get(OrganizationService).getBySlug(requireArg(args, 1, 'organization-slug'));
      const username = requireArg(args, 0, 'username');
      await ctx!.get(UserService).setMembership(SYSTEM, { username, organizationId: organization.id, role });
      out(`${username} is now ${role} of ${organization.slug} (${organization.name})`);
    },
  },
  {
    name: 'member:remove',
    usage: 'member:remove <username> <organization-slug>',
    summary: 'Remove a user from an organization.',
    async run(ctx, args, out) {
      const organization = await ctx!.get(OrganizationService).getBySlug(requireArg(args, 1, 'organization-slug'));
      const username = requireArg(args, 0, 'username');
      await ctx!.get(UserService).removeMembership(SYSTEM, { username, organizationId: organization.id });
      out(`${username} is no longer a member of ${organization.slug}`);
    },
  },
  {
    name: 'org:review',
    usage: 'org:review <organization-slug> <on|off>',
    summary: "Whether an organization's publications need a reviewer's sign-off (保密审查; on by default).",
    async run(ctx, args, out) {
      const setting = requireArg(args, 1, 'on|off');
      if (setting !== 'on' && setting !== 'off') throw new UsageError('say on or off');
      const organization = await ctx!.get(ReviewService).setReviewRequired(SYSTEM, requireArg(args, 0, 'organization-slug'), setting === 'on');
      out(`${organization.slug}: review before publication is ${setting === 'on' ? 'required' : 'not required'}`);
    },
  },
  {
    name: 'token:create',
    usage: 'token:create <username> [--name <label>] [--expires-in-days <n>]',
    summary: 'Create an API token; it is printed once and cannot be shown again.',
    options: { name: { type: 'string' }, 'expires-in-days': { type: 'string' } },
    async run(ctx, args, out) {
      const days = optionString(args, 'expires-in-days');
      if (days !== undefined && !/^[1-9]\d*$/.test(days)) throw new UsageError('--expires-in-days must be a positive integer');
      const { token, record } = await ctx!.get(TokenService).createToken(SYSTEM, {
        username: requireArg(args, 0, 'username'),
        name: optionString(args, 'name') ?? 'cli',
        expiresAt: days ? new Date(Date.now() + Number(days) * 86_400_000) : null,
      });
      out(token);
      out(`# token id ${record.id}${record.expiresAt ? `, expires ${record.expiresAt.toISOString()}` : ', no expiry'}; store it now, it is not shown again`);
    },
  },
  {
    name: 'token:list',
    usage: 'token:list <username>',
    summary: "List a user's tokens (never the tokens themselves).",
    async run(ctx, args, out) {
      for (const t of await ctx!.get(TokenService).listTokens(SYSTEM, requireArg(args, 0, 'username'))) {
        const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'active';
        out(`${t.id}  ${t.prefix}…  ${state.padEnd(7)}  ${t.name}  created ${t.createdAt.toISOString()}`);
      }
    },
  },
  {
    name: 'token:revoke',
    usage: 'token:revoke <token-id>',
    summary: 'Revoke a token; it stops working at once.',
    async run(ctx, args, out) {
      const id = requireArg(args, 0, 'token-id');
      await ctx!.get(TokenService).revokeToken(SYSTEM, id);
      out(`revoked ${id}`);
    },
  },
];
