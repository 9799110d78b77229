// CPU time spent during a benchmark phase, read from /proc (Linux): the server (a pid), every PostgreSQL
// and Redis process on the machine, and this client process (all its threads). Used to report CPU per
// operation beside the rates, so a figure says what the server spends, not only what the shared box allowed.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The pid listening on `port` (via `ss`), or null when none is found (another user's, or no `ss`). */
export function listeningPid(port) {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** user + system CPU of one process in milliseconds, or NaN when it cannot be read. */
function processMillis(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Summed CPU milliseconds of every process whose command name is one of `names`, by name. */
function byName(names) {
  const sums = Object.fromEntries(names.map((n) => [n, 0]));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let comm;
    try {
      comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm in sums) {
      const ms = processMillis(entry);
      if (!Number.isNaN(ms)) sums[comm] += ms;
    }
  }
  return sums;
}

/** A snapshot of the CPU counters; `serverPid` may be null (then the server's figure is NaN). */
export function cpuSnapshot(serverPid) {
  const others = byName(['postgres', 'redis-server']);
  const client = process.cpuUsage();
  return {
    server: serverPid ? processMillis(serverPid) : NaN,
    postgres: others.postgres,
    redis: others['redis-server'],
    client: (client.user + client.system) / 1000,
  };
}

/** CPU milliseconds per operation between two snapshots, by process group. */
export function cpuPerOperation(before, after, operations) {
  const per = {};
  for (const key of Object.keys(before)) per[key] = (after[key] - before[key]) / operations;
  return per;
}

/** "server 1.14 ms, PostgreSQL 0.41 ms, Redis 0.22 ms, this client 0.82 ms" (NaN parts left out). */
export function describeCpu(per) {
  const names = { server: 'server (Liberty)', postgres: 'PostgreSQL', redis: 'Redis', client: 'this client' };
  return Object.entries(per).filter(([, ms]) => !Number.isNaN(ms))
    .map(([key, ms]) => `${names[key]} ${ms.toFixed(3)} ms`).join(', ');
}
