// Linux /proc helpers for the benchmarks: process trees, listening sockets, CPU time and memory.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export type ProcInfo = { pid: number; ppid: number; comm: string };

function readProcesses(): ProcInfo[] {
  const result: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      result.push({ pid: Number(entry), ppid, comm });
    } catch {
      // the process ended while we looked
    }
  }
  return result;
}

/** Every live descendant of `rootPid` (not including it). */
export function descendants(rootPid: number): ProcInfo[] {
  const all = readProcesses();
  const found: ProcInfo[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const info of all) {
      if (info.ppid === parent) {
        found.push(info);
        queue.push(info.pid);
      }
    }
  }
  return found;
}

/** `rootPid` or the descendant of it holding the socket that listens on `port` (127.0.0.1, IPv4). */
export function findListeningPid(rootPid: number, port: number): number | null {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (local?.endsWith(`:${portHex}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
  }
  for (const pid of [rootPid, ...descendants(rootPid).map((info) => info.pid)]) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`, 'utf8');
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

/** CPU time (user + system) per descendant of `rootPid`, in clock ticks, keyed by pid with its command name. */
/** CPU ticks of `rootPid` and all its descendants. */
export function cpuTicks(rootPid: number): Map<number, { comm: string; ticks: number }> {
  const result = new Map<number, { comm: string; ticks: number }>();
  const root = { pid: rootPid, ppid: 0, comm: 'node' };
  for (const info of [root, ...descendants(rootPid)]) {
    try {
      const stat = readFileSync(`/proc/${info.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(info.pid, { comm: info.comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // ended meanwhile
    }
  }
  return result;
}

/** Resident set size in kB (VmRSS), or null once the process is gone. */
export function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Peak resident set size in kB over the process's life (VmHWM), or null once the process is gone. */
export function peakRssKb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Proportional set size in kB (shared pages split between the processes sharing them), or null. */
export function pssKb(pid: number): number | null {
  try {
    const match = /^Pss:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function commOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
