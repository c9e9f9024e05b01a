package bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by PostgreSQL (the postmaster, its exited children as reaped, and its live
 * backends) and by the service process. CPU time per save is steadier than wall time on a shared machine.
 */
record CpuMeter(long pgPid, long servicePid, double ticksPerSecond) {
    double[] seconds() {
        if (pgPid <= 0) return new double[] {Double.NaN, Double.NaN};
        long pg = ticks(pgPid, true);
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                long[] stat = stat(Long.parseLong(name));
                if (stat != null && stat[0] == pgPid) pg += stat[1] + stat[2];
            }
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double service = servicePid > 0 ? ticks(servicePid, false) / ticksPerSecond : Double.NaN;
        return new double[] {pg / ticksPerSecond, service};
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        long[] stat = stat(pid);
        if (stat == null) return 0;
        return stat[1] + stat[2] + (withReapedChildren ? stat[3] + stat[4] : 0);
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null if it is gone. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (Exception e) {
            return null;
        }
    }
}
