// `tacit org add`, `tacit org verify-publisher`, `tacit user add`, `tacit user network-admin` and
// `tacit token create`: the accounts and trust an administrator sets up before anyone can sign in.
import { type Command, Option } from 'commander';
import { systemViewer } from '../../access/viewer.ts';
import { OrganisationCreate, OrganisationType } from '../../organisations/organisations.schema.ts';
import { asAppError } from '../../server/errors.ts';
import { withDatabase } from '../context.ts';
import { CliError } from '../input.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Service errors become one line naming the problem, as the API's message does. */
async function run(fn: () => Promise<void>) {
  try {
    await fn();
  } catch (err) {
    const known = asAppError(err);
    if (known) throw new Error(known.message);
    throw err;
  }
}

/** A user without a password cannot sign in with the form: say what they can do instead. */
function withoutPassword(email: string, org: string, role: string): string {
  return [
    `${email} has no password, so cannot sign in to the web app. To give them one:`,
    `  tacit user add ${email} --org "${org}" --role ${role} --password PASSWORD`,
    `For scripts, an API token acts as them without a password: tacit token create ${email}`,
  ].join('\n');
}

export function registerAccountCommands(program: Command): void {
  const org = program.command('org').description('Manage organisations');
  org
    .command('add')
    .description('Register an organisation')
    .argument('<name>', 'full name, e.g. "National Crime Agency"')
    .option('--acronym <acronym>', 'e.g. NCA')
    .option('--alias <alias>', 'another spelling that resolves to it (repeatable)', collect, [])
    .addOption(
      new Option('--type <type>', 'kind of organisation').choices(OrganisationType.options).default('other'),
    )
    .option('--country <code>', 'ISO 3166-1 alpha-2 code, e.g. GB')
    .action((name: string, opts: { acronym?: string; alias: string[]; type: string; country?: string }) =>
      run(async () => {
        const parsed = OrganisationCreate.safeParse({
          name,
          acronym: opts.acronym,
          aliases: opts.alias,
          type: opts.type,
          country: opts.country,
        });
        if (!parsed.success)
          throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        const { organisationsService } = await import('../../organisations/organisations.service.ts');
        const created = await withDatabase((db) =>
          organisationsService.create(db, systemViewer([]), parsed.data, { bootstrap: true }),
        );
        console.log(`Organisation "${created.name}" registered (id ${created.id}).`);
      }),
    );

  org
    .command('verify-publisher')
    .description(
      "Verify an IATI publisher ref (reporting-org @ref) for an organisation: its members' IATI uploads may then create and update activities under it",
    )
    .argument('<org>', 'organisation by name, acronym or alias')
    .argument('<ref>', 'IATI organisation identifier, e.g. US-GOV-1')
    .option('--withdraw', 'withdraw the verification instead')
    .action((orgName: string, ref: string, opts: { withdraw?: boolean }) =>
      run(async () => {
        const [{ organisationsRepository }, { publishersService }, { PublisherRefCreate }] =
          await Promise.all([
            import('../../organisations/organisations.repository.ts'),
            import('../../publishers/publishers.service.ts'),
            import('../../publishers/publishers.schema.ts'),
          ]);
        const parsed = PublisherRefCreate.safeParse({ ref });
        if (!parsed.success) throw new Error(`ref: ${parsed.error.issues[0]?.message}`);
        await withDatabase(async (db) => {
          const organisation = await organisationsRepository.findByAnyName(db, orgName);
          if (!organisation) throw new Error(`No organisation is called "${orgName}".`);
          if (opts.withdraw) {
            await publishersService.withdraw(db, { operator: true }, organisation.id, parsed.data.ref);
            console.log(`Publisher ref "${parsed.data.ref}" withdrawn from ${organisation.name}.`);
            return;
          }
          await publishersService.verify(db, { operator: true }, organisation.id, parsed.data.ref);
          console.log(`Publisher ref "${parsed.data.ref}" verified for ${organisation.name}.`);
        });
      }),
    );

  const user = program.command('user').description('Manage users');
  user
    .command('network-admin')
    .description(
      'Make a user a network administrator: may edit any organisation in the directory and verify IATI publisher refs',
    )
    .argument('<email>', 'the user, who must exist (tacit user add)')
    .option('--revoke', 'take the role away instead')
    .action((email: string, opts: { revoke?: boolean }) =>
      run(async () => {
        const { setNetworkAdmin } = await import('../../access/network-admin.repository.ts');
        const found = await withDatabase((db) => setNetworkAdmin(db, email, !opts.revoke));
        if (!found) throw new Error(`No user has the e-mail address ${email}. Create one: tacit user add`);
        console.log(`${email} is ${opts.revoke ? 'no longer' : 'now'} a network administrator.`);
      }),
    );
  user
    .command('add')
    .description('Create a user (or give an existing one a role) in an organisation')
    .argument('<email>', 'e-mail address; also the sign-in name')
    .requiredOption('--org <name>', 'organisation by name, acronym or alias')
    .addOption(
      new Option('--role <role>', 'role in the organisation')
        .choices(['admin', 'editor', 'viewer'])
        .makeOptionMandatory(),
    )
    .option(
      '--password <password>',
      'password for signing in to the web app (at least 10 characters); without one, the user can only use API tokens until given one',
    )
    .option('--name <name>', 'display name')
    .action(
      (
        email: string,
        opts: { org: string; role: 'admin' | 'editor' | 'viewer'; password?: string; name?: string },
      ) =>
        run(async () => {
          const [{ authRepository }, { authService, checkPassword }, { organisationsRepository }] =
            await Promise.all([
              import('../../auth/auth.repository.ts'),
              import('../../auth/auth.service.ts'),
              import('../../organisations/organisations.repository.ts'),
            ]);
          await withDatabase(async (db) => {
            const organisation = await organisationsRepository.findByAnyName(db, opts.org);
            if (!organisation)
              throw new Error(
                `No organisation is called "${opts.org}". Register it first: tacit org add "${opts.org}"`,
              );
            if (opts.password) checkPassword(opts.password);
            const existing = await authRepository.findUserByEmail(db, email);
            const account =
              existing ??
              (await authService.createUser(db, { email, name: opts.name, password: opts.password }));
            if (existing && opts.password) await authService.setPassword(db, existing.id, opts.password);
            await authService.addMembership(db, account.id, organisation.id, opts.role);
            console.log(
              `${existing ? 'Updated' : 'Created'} ${account.email}: ${opts.role} of ${organisation.name}.`,
            );
            const hasPassword = Boolean(opts.password || existing?.password_hash);
            if (!hasPassword) console.log(withoutPassword(account.email, opts.org, opts.role));
          });
        }),
    );

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description(
      'Create an API token for a user and print it once (send it as "Authorization: Bearer <token>")',
    )
    .argument('<email>', "the token acts as this user, with this user's roles")
    .addOption(
      new Option('--scope <scope>', 'read: only read; write: also change records')
        .choices(['read', 'write'])
        .default('read'),
    )
    .option('--name <name>', 'what the token is for, e.g. "nightly export"')
    .option(
      '--expires <when>',
      'refuse the token after this date or moment, e.g. 2027-06-30 or 2027-06-30T12:00:00Z',
    )
    .action((email: string, opts: { scope: 'read' | 'write'; name?: string; expires?: string }) =>
      run(async () => {
        const expiresAt = opts.expires === undefined ? null : new Date(opts.expires);
        if (expiresAt && Number.isNaN(expiresAt.getTime()))
          throw new CliError(
            `--expires ${opts.expires} is not a date; give e.g. 2027-06-30 or 2027-06-30T12:00:00Z.`,
          );
        if (expiresAt && expiresAt <= new Date())
          throw new CliError(`--expires ${opts.expires} is not in the future; give a later date.`);
        const [{ authService }, { authRepository }] = await Promise.all([
          import('../../auth/auth.service.ts'),
          import('../../auth/auth.repository.ts'),
        ]);
        const created = await withDatabase(async (db) => {
          if (!(await authRepository.findUserByEmail(db, email)))
            throw new CliError(
              `No user has the e-mail ${email}. Create the user first: tacit user add ${email} --org NAME --role viewer --password PASSWORD`,
            );
          return authService.createToken(
            db,
            email,
            opts.scope,
            opts.name ?? null,
            expiresAt && { expiresAt, now: new Date() },
          );
        });
        console.log(created.secret);
        const until = expiresAt ? `, until ${expiresAt.toISOString()}` : '';
        console.error(`Token for ${email} (${opts.scope}${until}). It is shown only now: store it safely.`);
      }),
    );
}
