/**
 * A process's memory and CPU as Linux reports them in /proc: the reading child is watched and
 * measured with these (isolated.ts), and the fuzz harness measures each case's peak with them.
 * Each returns 0 (or does nothing) where /proc is not there.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Resident memory now, in MB. */
export function residentMB(pid: number | string | undefined): number {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096) / 1048576;
  } catch {
    return 0;
  }
}

/** The peak resident memory since the last reset (VmHWM), in MB. */
export function highWaterMB(pid: number | string | undefined): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : residentMB(pid);
  } catch {
    return 0;
  }
}

/** Starts a process's VmHWM afresh (`5` in clear_refs), so that each file's peak is its own. */
export function resetHighWater(pid: number | string | undefined): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak is then the process's whole life
  }
}

/** CPU seconds (user and system) a process has used. */
export function cpuSecondsOf(pid: number | string | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ, 100 on Linux)
  } catch {
    return 0;
  }
}
