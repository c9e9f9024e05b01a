package crashtest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Crash test for issue #7: no acknowledged save may be lost when the process dies.
 *
 * Starts the real launcher jar (embedded PostgreSQL) on a fresh data folder, drives a steady save load from
 * several clients (each its own file, expectedVersion = its last acknowledged version), then
 *   round 1: SIGKILLs the JVM and every PostgreSQL process at once, restarts, and checks;
 *   round 2: goes on saving, SIGKILLs the JVM alone (PostgreSQL is left running), restarts, and checks
 * that every acknowledged save is in the history with its content hash, that versions are 1..N without a gap,
 * that the content read back hashes to what was acknowledged, and that the read models caught up with every
 * event applied exactly once (GET .../verify answers ok: they equal a fresh replay of the event store).
 *
 * Usage: scripts/crash-test.sh launcher/target/velocity.jar (compiles this folder, then runs crashtest.CrashTest).
 * Env: CRASH_JAVA_OPTS (-XX:TieredStopAtLevel=1), CRASH_CLIENTS (16), CRASH_LOAD_SECONDS (8), CRASH_TIMEOUT_SECONDS (240), CRASH_KEEP (keep logs and data
 * after a pass; a failure always keeps them). Only 127.0.0.1 is used.
 */
public final class CrashTest {

    static final int CLIENTS = Integer.parseInt(env("CRASH_CLIENTS", "16"));
    static final int LOAD_SECONDS = Integer.parseInt(env("CRASH_LOAD_SECONDS", "8"));
    static final int TIMEOUT_SECONDS = Integer.parseInt(env("CRASH_TIMEOUT_SECONDS", "240"));
    static final String DURABLE_LOG = "Database durability: {fsync=on, synchronous_commit=on, full_page_writes=on}";

    private final Findings findings = new Findings();
    private final Launcher launcher;

    private CrashTest(Path jar) throws IOException {
        this.launcher = new Launcher(jar, Files.createTempDirectory("velocity-crash-test"), findings);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: scripts/crash-test.sh path/to/velocity.jar");
            System.exit(2);
        }
        CrashTest test = new CrashTest(Path.of(args[0]).toAbsolutePath());
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TIMEOUT_SECONDS * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("CRASH TEST FAIL: did not finish within " + TIMEOUT_SECONDS + " s; work dir " + test.launcher.work());
            test.launcher.killEverything();
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        boolean passed;
        try {
            passed = test.run();
        } catch (Exception e) {
            e.printStackTrace();
            test.findings.fail("aborted: " + e);
            passed = false;
        } finally {
            test.launcher.stop();
        }
        System.out.println();
        System.out.println("=== Crash test summary (" + CLIENTS + " clients, " + LOAD_SECONDS + " s load per round) ===");
        test.findings.print(30);
        if (passed && test.findings.passed()) {
            System.out.println("CRASH TEST PASS");
            if (System.getenv("CRASH_KEEP") == null) {
                deleteTree(test.launcher.work());
            } else {
                System.out.println("(logs and data kept in " + test.launcher.work() + ")");
            }
            System.exit(0);
        }
        System.out.println("CRASH TEST FAIL (logs and data kept in " + test.launcher.work() + ")");
        System.exit(1);
    }

    private boolean run() throws Exception {
        launcher.start();
        if (!launcher.log(1).contains(DURABLE_LOG)) {
            findings.fail("start-up log lacks '" + DURABLE_LOG + "'");
        }
        String info = launcher.api().get("/actuator/info", null, java.time.Duration.ofSeconds(30)).body();
        findings.note("GET /actuator/info: " + info);
        if (!info.contains("\"durable\":true")) {
            findings.fail("/actuator/info does not say the database is durable");
        }
        SaveLoad load = new SaveLoad(launcher.api(), launcher.api().createProject("crash-test", "crash"), findings);
        AfterCrashCheck check = new AfterCrashCheck(load, launcher, findings);

        check.verify("round 1 (SIGKILL JVM + all PostgreSQL processes)", load.run(1, launcher::killAll));
        check.verify("round 2 (SIGKILL JVM only, PostgreSQL left running)", load.run(2, launcher::killJvmOnly));
        return findings.passed();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // leave it
        }
    }
}
