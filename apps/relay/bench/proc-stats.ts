/**
 * What the kernel says about a process: CPU seconds used (utime + stime from /proc/<pid>/stat,
 * all threads) and resident memory (VmRSS now, VmHWM its peak, from /proc/<pid>/status).
 * Linux only; `null` where /proc does not answer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ: 100 on every Linux architecture in use). */
const TICKS_PER_SECOND = 100;

/** /proc/<pid>/<file>, or null when the process is gone (or /proc does not exist). */
function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) the process has used so far, or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  return stat === null ? null : cpuSecondsOfStat(stat);
}

/** utime + stime of a /proc/<pid>/stat line (fields 14 and 15; the command name may hold spaces). */
export function cpuSecondsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface Memory {
  rssMb: number;
  peakRssMb: number;
}

/** Resident memory now and at its peak, in MB, or null when the process is gone. */
export function memory(pid: number): Memory | null {
  const status = readProc(pid, 'status');
  return status === null ? null : memoryOfStatus(status);
}

/** VmRSS and VmHWM of a /proc/<pid>/status text, in MB (the kernel reports kB). */
export function memoryOfStatus(status: string): Memory {
  const kb = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/**
 * The pid of the MariaDB server the bench runs against, when it runs on this machine: the pid
 * in its `@@pid_file` (`pidFile`), checked to be a mariadbd (or mysqld) process; else, when
 * exactly one mariadbd runs here, that one (`pidof mariadbd`). Null when neither holds (a
 * remote server, or several local ones none of which is known to be it).
 */
export function mariadbPid(pidFile: string | null): number | null {
  const isServer = (pid: number) => /^(mariadbd|mysqld)$/.test(readProc(pid, 'comm')?.trim() ?? '');
  try {
    const pid = pidFile === null ? Number.NaN : Number(readFileSync(pidFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && isServer(pid)) return pid;
  } catch {
    // not readable here: the server runs elsewhere, or under another user
  }
  try {
    const pids = execFileSync('pidof', ['mariadbd'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return pids.length === 1 && isServer(pids[0]!) ? pids[0]! : null;
  } catch {
    return null;
  }
}

/** CPU seconds a set of processes use between `start()` and `stop()` (null for one that vanished). */
export function cpuMeter(pids: ReadonlyArray<number | null>) {
  const before = pids.map((pid) => (pid === null ? null : cpuSeconds(pid)));
  return {
    /** Seconds per process since the meter started, in the order given. */
    read(): Array<number | null> {
      return pids.map((pid, i) => {
        const start = before[i];
        const now = pid === null ? null : cpuSeconds(pid);
        return start === null || start === undefined || now === null ? null : now - start;
      });
    },
  };
}
