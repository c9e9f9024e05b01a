package dev.velocity.filehistory.tools.bench.design;

import dev.velocity.filehistory.tools.bench.BenchOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by PostgreSQL (the postmaster, its exited children as reaped, and its live
 * backends) and by the service process. CPU time per save is steadier than wall time on a shared machine.
 */
public record CpuMeter(long pgPid, long servicePid, double ticksPerSecond) {

    /** What /proc reads for a process, in clock ticks. */
    private record Stat(long parent, long user, long system, long childrenUser, long childrenSystem) {}

    public static CpuMeter from(BenchOptions options) {
        return new CpuMeter(options.longNumber("pgPid", 0), options.longNumber("servicePid", 0),
                Double.parseDouble(options.text("clockTicks", "100")));
    }

    /** {PostgreSQL, service} CPU seconds; NaN where it cannot be read. */
    public double[] seconds() {
        if (pgPid <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long pg = ticks(pgPid, true);
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                Stat stat = name.chars().allMatch(Character::isDigit) ? stat(Long.parseLong(name)) : null;
                if (stat != null && stat.parent() == pgPid) {
                    pg += stat.user() + stat.system();
                }
            }
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double service = servicePid > 0 ? ticks(servicePid, false) / ticksPerSecond : Double.NaN;
        return new double[] {pg / ticksPerSecond, service};
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        Stat stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        return stat.user() + stat.system() + (withReapedChildren ? stat.childrenUser() + stat.childrenSystem() : 0);
    }

    /** Null if the process is gone. */
    private static Stat stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new Stat(Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14]));
        } catch (Exception e) {
            return null;
        }
    }
}
