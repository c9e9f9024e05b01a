package dev.velocity.filehistory.tools.bench;

import dev.velocity.filehistory.tools.bench.design.CpuMeter;
import dev.velocity.filehistory.tools.bench.design.Design;
import dev.velocity.filehistory.tools.bench.design.NewDesign;
import dev.velocity.filehistory.tools.bench.design.OldDesign;
import dev.velocity.filehistory.tools.bench.workload.Workloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Saves the same workloads into the old row-per-version design (plain JDBC against atomic_upsert_project_file)
 * and into Velocity (its HTTP API), in one run on one PostgreSQL, then writes a Markdown report with absolute
 * figures and new/old ratios (bench/README.md says how to read it).
 *
 * Run by bench/run.sh, which starts PostgreSQL and the service and passes {@code key=value} arguments:
 * jdbc=URL dbUser=U dbPassword=P [api=http://127.0.0.1:PORT velocityJdbc=URL] [only=SECTION,...] report=PATH
 * [meta.KEY=VALUE ...] and the sizes of each section (see {@link BenchOptions} and the sections).
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        List<Section> sections = Sections.selected(Sections.all(options), options.text("only", ""));
        Map<String, String> meta = new LinkedHashMap<>(options.meta());
        meta.put("sections", String.join(", ", sections.stream().map(Section::key).toList())
                + (options.text("only", "").isBlank() ? " (all)" : " (BENCH_ONLY)"));
        try (Design old = new OldDesign(options.text("jdbc"), options.text("dbUser"), options.text("dbPassword"));
             NewDesign velocity = options.api() == null ? null : new NewDesign(options.api(),
                     options.text("velocityJdbc"), options.text("dbUser"), options.text("dbPassword"))) {
            List<Design> designs = new ArrayList<>(List.of(old));
            if (velocity != null) {
                designs.add(velocity);
            }
            BenchRun run = new BenchRun(options, designs, CpuMeter.from(options));
            warmUp(run, meta);
            String report = Report.render(meta, measure(run, sections), velocity != null ? null
                    : options.text("newSkippedBecause", "no api= given"), options.quick());
            if (options.text("report") != null) {
                Files.writeString(Path.of(options.text("report")), report);
            }
            System.out.print(report);
        }
    }

    /** A JVM service is measured warm, as it runs in production: enough saves for the JIT to compile the hot path. */
    private static void warmUp(BenchRun run, Map<String, String> meta) throws Exception {
        Workloads.warmUp(run);
        if (run.designs().stream().anyMatch(Design::usesService)) {
            meta.put("service JIT compile queue after warm-up (jcmd Compiler.queue)",
                    compilerQueue(run.options().longNumber("servicePid", 0)));
        }
    }

    /** Runs the sections (those that must run first, first) and returns their results in report order. */
    private static Results measure(BenchRun run, List<Section> sections) throws Exception {
        Map<Section, SectionResult> results = new LinkedHashMap<>();
        for (Section section : sections.stream().sorted(Comparator.comparing(s -> !s.runsFirst())).toList()) {
            results.put(section, section.run(run));
        }
        return new Results(sections.stream().map(results::get).toList());
    }

    /** Lines of {@code jcmd PID Compiler.queue}: how much the JIT still has to compile. */
    private static String compilerQueue(long pid) {
        if (pid <= 0) {
            return "n/a";
        }
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Compiler.queue").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.lines().count() + " lines";
        } catch (Exception e) {
            return "jcmd failed: " + e.getMessage();
        }
    }
}
