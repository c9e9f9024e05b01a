package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static bench.Format.*;
import static bench.Report.*;

/**
 * Saves the same workloads into the old row-per-version design (plain JDBC against
 * atomic_upsert_project_file) and into Velocity (its HTTP API), in one run on one PostgreSQL,
 * then writes a Markdown report with absolute figures and new/old ratios.
 *
 * Run through bench/run.sh, which compiles bench/src, starts PostgreSQL and the service and passes these arguments:
 * jdbc=URL dbUser=U dbPassword=P [api=http://127.0.0.1:PORT] [clients=8] [saves=200]
 * [contentBytes=10240] [deadlineSeconds=40] [warmupSaves=25] report=PATH [meta.KEY=VALUE ...]
 */
public final class Bench {

    private Bench() {}

    static final List<String> SECTIONS = List.of("contention", "lww", "distinct", "rejected", "lag", "big", "history", "storage");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("expected key=value, got " + a);
            String k = a.substring(0, eq), v = a.substring(eq + 1);
            if (k.startsWith("meta.")) meta.put(k.substring(5), v); else opts.put(k, v);
        }
        int saves = Integer.parseInt(opts.getOrDefault("saves", "200"));
        int bytes = Integer.parseInt(opts.getOrDefault("contentBytes", "10240"));
        int bigBytes = Integer.parseInt(opts.getOrDefault("bigBytes", "102400"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmupSaves", "25"));
        int historyVersions = Integer.parseInt(opts.getOrDefault("historyVersions", "10000"));
        int historyBytes = Integer.parseInt(opts.getOrDefault("historyBytes", "4096"));
        int historyReads = Integer.parseInt(opts.getOrDefault("historyReads", "50"));
        Duration historyDeadline = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("historyDeadlineSeconds", "240")));
        int storageSaves = Integer.parseInt(opts.getOrDefault("storageSaves", "1000"));
        int storageBytes = Integer.parseInt(opts.getOrDefault("storageBytes", "97280"));
        Report.STORAGE_KIB = Math.round(storageBytes / 1024f);
        Report.QUICK = "1".equals(opts.get("quick"));
        int lagEvery = Integer.parseInt(opts.getOrDefault("lagEvery", "4"));
        Duration deadline = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("deadlineSeconds", "40")));
        String only = opts.getOrDefault("only", "").strip();
        java.util.Set<String> sections = new java.util.LinkedHashSet<>(only.isEmpty() ? SECTIONS : List.of(only.split("\\s*,\\s*")));
        for (String s : sections) if (!SECTIONS.contains(s)) throw new IllegalArgumentException("unknown section " + s + "; known: " + SECTIONS);
        String api = opts.get("api");
        long servicePid = Long.parseLong(opts.getOrDefault("servicePid", "0"));
        CpuMeter cpu = new CpuMeter(Long.parseLong(opts.getOrDefault("pgPid", "0")), servicePid,
                Double.parseDouble(opts.getOrDefault("clockTicks", "100")));
        meta.put("sections", String.join(", ", sections) + (only.isEmpty() ? " (all)" : " (BENCH_ONLY)"));

        // section -> workloads; saves per client, each workload and design cut at the deadline
        Map<String, List<Workload>> plan = new LinkedHashMap<>();
        plan.put("contention", List.of(new Workload("contention", "8 clients, one file, expectedVersion = last seen", 8, true,
                Content.RANDOM, bytes, Expect.LAST_SEEN, saves, deadline, false, 0)));
        plan.put("lww", List.of(new Workload("lww", "8 clients, one file, expectedVersion null (last writer wins)", 8, true,
                Content.RANDOM, bytes, Expect.NULL, saves, deadline, false, 0)));
        plan.put("distinct", List.of(
                new Workload("distinct8", "8 clients, 8 files (autosave, edits), expectedVersion = last seen", 8, false,
                        Content.EDIT, bytes, Expect.LAST_SEEN, saves, deadline, false, 0),
                new Workload("distinct32", "32 clients, 32 files (autosave, edits), expectedVersion = last seen", 32, false,
                        Content.EDIT, bytes, Expect.LAST_SEEN, saves, deadline, false, 0),
                new Workload("rewrite8", "8 clients, 8 files, every save rewrites the whole file", 8, false,
                        Content.RANDOM, bytes, Expect.LAST_SEEN, saves, deadline, false, 0)));
        plan.put("rejected", List.of(new Workload("rejected", "8 clients, one file, stale expectedVersion (every save rejected)", 8, true,
                Content.RANDOM, bytes, Expect.STALE, Math.max(10, saves / 2), deadline, false, 0)));
        plan.put("lag", List.of(new Workload("lag32", "32 clients, 32 files (edits) with a projection-lag probe on every "
                + lagEvery + "th ack", 32, false, Content.EDIT, bytes, Expect.LAST_SEEN, Math.max(10, saves / 2), deadline, true, lagEvery)));
        plan.put("big", List.of(new Workload("big8", "8 clients, 8 files of 100 KiB (edits), expectedVersion = last seen", 8, false,
                Content.EDIT, bigBytes, Expect.LAST_SEEN, Math.max(10, saves / 2), deadline, false, 0)));

        try (OldDesign old = new OldDesign(opts.get("jdbc"), opts.get("dbUser"), opts.get("dbPassword"));
             NewDesign fresh = api == null ? null : new NewDesign(api, opts.get("velocityJdbc"), opts.get("dbUser"), opts.get("dbPassword"))) {
            List<Design> designs = new ArrayList<>();
            designs.add(old);
            if (fresh != null) designs.add(fresh);
            Workload warm = new Workload("warm-up", "warm-up", 8, false, Content.RANDOM, bytes, Expect.LAST_SEEN, warmup,
                    Duration.ofSeconds(Math.max(60, deadline.toSeconds())), false, 0);
            for (Design d : designs) {
                System.err.printf("warm-up %s: 8 clients x %d saves%n", d.name(), warmup);
                WorkloadRun.run(d, warm, cpu);
            }
            if (fresh != null) meta.put("service JIT compile queue after warm-up (jcmd Compiler.queue)", compilerQueue(servicePid));

            // Storage first: the databases hold only the warm-up, so VACUUM FULL is short and no dead space of other
            // workloads is there to be reused.
            List<Storage> storages = new ArrayList<>();
            GitStorage git = null;
            if (sections.contains("storage")) {
                for (Design d : designs) {
                    System.err.printf("storage (%d saves of ~%d KiB): %s ...%n", storageSaves, STORAGE_KIB, d.name());
                    Storage s = Storage.measure(d, storageSaves, storageBytes);
                    storages.add(s);
                    System.err.printf("  %.1f MB added in %.1f s%n", s.addedMb(0), s.seconds());
                }
                System.err.println("storage: git ...");
                git = GitStorage.measure(storageSaves, storageBytes);
                System.err.printf("  %.1f MB packed%s%n", git.packBytes() / 1e6, git.failure() == null ? "" : " (" + git.failure() + ")");
            }
            List<Result[]> pairs = new ArrayList<>();
            for (var e : plan.entrySet()) {
                if (!sections.contains(e.getKey())) continue;
                for (Workload w : e.getValue()) {
                    Result[] pair = new Result[2];
                    for (int i = 0; i < designs.size(); i++) {
                        if (w.newOnly() && !(designs.get(i) instanceof NewDesign)) continue;
                        System.err.printf("%s: %s ...%n", w.title(), designs.get(i).name());
                        Result r = WorkloadRun.run(designs.get(i), w, cpu);
                        pair[designs.get(i) instanceof NewDesign ? 1 : 0] = r;
                        System.err.printf("  %d acknowledged of %d in %.1f s, failures %s%n", r.acknowledged(),
                                r.attempted(), r.seconds(), failureKinds(r));
                    }
                    if (pair[0] != null || pair[1] != null) pairs.add(pair);
                }
            }
            List<LongHistory> histories = new ArrayList<>();
            if (sections.contains("history")) {
                for (Design d : designs) {
                    System.err.printf("long history (%d versions): %s ...%n", historyVersions, d.name());
                    LongHistory h = LongHistory.measure(d, historyVersions, historyBytes, historyDeadline, historyReads);
                    histories.add(h);
                    System.err.printf("  reached %d, fill %.1f s%n", h.reached(), h.fill().seconds());
                }
            }
            String md = Report.report(meta, pairs, histories, storages, git,
                    api == null ? opts.getOrDefault("newSkippedBecause", "no api= given") : null);
            if (opts.containsKey("report")) Files.writeString(Path.of(opts.get("report")), md);
            System.out.print(md);
        }
    }

    /** Lines of {@code jcmd PID Compiler.queue}: how much the JIT still has to compile. */
    static String compilerQueue(long pid) {
        if (pid <= 0) return "n/a";
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Compiler.queue").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return out.lines().count() + " lines";
        } catch (Exception e) {
            return "jcmd failed: " + e.getMessage();
        }
    }
}
