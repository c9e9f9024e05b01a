package dev.velocity.filehistory.tools.bench;

import dev.velocity.filehistory.tools.bench.design.CpuMeter;
import dev.velocity.filehistory.tools.bench.design.Design;
import java.util.List;

/** What every section measures with: the options, the designs (old first; Velocity if it runs) and the CPU meter. */
public record BenchRun(BenchOptions options, List<Design> designs, CpuMeter cpu) {

    /** Progress on stderr; the report goes to stdout and the report file. */
    public static void progress(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
