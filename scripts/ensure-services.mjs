// Makes sure the servers that the integration tests start for themselves (test/support/) are on the
// machine: redis-server and dovecot from Debian's packages, plus the system user Dovecot runs mail
// processes as. Installs what is missing when run as root; otherwise says what to run and exits 1.
// Fast and silent when everything is present: a few stat calls and one read of /etc/passwd.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const MAIL_USER = 'vmail';
/** binary -> the Debian package that brings it */
const NEEDED = [
  { bin: 'redis-server', pkg: 'redis-server' },
  { bin: 'dovecot', pkg: 'dovecot-imapd' },
];
const SEARCH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const SYSTEM_DOVECOT_PID = '/run/dovecot/master.pid';
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

const log = (msg) => console.error(`ensure-services: ${msg}`);

function findBinary(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SEARCH_DIRS];
  return dirs.map((d) => join(d, name)).find((p) => existsSync(p)) ?? null;
}

function userExists(name) {
  try {
    if (readFileSync('/etc/passwd', 'utf8').split('\n').some((l) => l.startsWith(`${name}:`))) return true;
  } catch {
    // fall through to NSS
  }
  try {
    execFileSync('getent', ['passwd', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args) {
  log(`${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' },
  });
}

/**
 * Installs packages without letting their postinst start the system services: Debian's dovecot-core
 * would otherwise start a Dovecot on ports 143/993, and redis-server one on 6379, which the machine
 * may already use. A policy-rc.d that answers 101 ("action forbidden") is Debian's own switch for that.
 */
function aptInstall(pkgs) {
  const ownPolicy = !existsSync(POLICY_RC_D);
  if (ownPolicy) writeFileSync(POLICY_RC_D, '#!/bin/sh\n# written by orderwatch scripts/ensure-services.mjs during apt-get install\nexit 101\n', { mode: 0o755 });
  try {
    run('apt-get', ['update', '-q']);
    run('apt-get', [
      'install', '-y', '-q', '--no-install-recommends',
      '-o', 'DPkg::Lock::Timeout=300',
      '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold',
      ...pkgs,
    ]);
  } finally {
    if (ownPolicy) rmSync(POLICY_RC_D, { force: true });
  }
}

/** Belt and braces: if a system Dovecot came up anyway, stop it; our tests never use port 143. */
function stopSystemDovecot() {
  if (!existsSync(SYSTEM_DOVECOT_PID)) return;
  const pid = Number(readFileSync(SYSTEM_DOVECOT_PID, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return;
  log(`stopping the system dovecot (pid ${pid}) that the package started`);
  try {
    run(findBinary('dovecot') ?? 'dovecot', ['stop']);
  } catch {
    process.kill(pid, 'SIGTERM');
  }
}

const isRoot = process.getuid?.() === 0;
const missing = NEEDED.filter((n) => !findBinary(n.bin));
// Without root Dovecot runs as the invoking user (see test/support/dovecot.ts): no mail user needed.
const needsMailUser = isRoot && !userExists(MAIL_USER);

if (missing.length > 0 || needsMailUser) {
  const pkgs = missing.map((n) => n.pkg);
  if (!isRoot) {
    console.error(
      `ensure-services: the integration tests need ${missing.map((n) => n.bin).join(' and ')}: run ` +
        `\`sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}\` (or run the tests as root, which installs them)`,
    );
    process.exit(1);
  }
  try {
    if (pkgs.length > 0) {
      aptInstall(pkgs);
      stopSystemDovecot();
      const still = NEEDED.filter((n) => !findBinary(n.bin));
      if (still.length > 0) throw new Error(`still missing after apt-get install: ${still.map((n) => n.bin).join(', ')}`);
    }
    if (!userExists(MAIL_USER)) run('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', MAIL_USER]);
  } catch (err) {
    console.error(`ensure-services: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
