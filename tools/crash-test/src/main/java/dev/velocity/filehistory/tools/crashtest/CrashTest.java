package dev.velocity.filehistory.tools.crashtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.tools.client.Answer;
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
 * Usage: scripts/crash-test.sh launcher/target/velocity.jar; settings in {@link CrashSettings}. Only 127.0.0.1 is
 * used. Exit 0: CRASH TEST PASS; 1: a failure (logs and data kept); 2: usage; 3: did not finish in time.
 */
public final class CrashTest {

    static final String DURABLE_LOG = "Database durability: {fsync=on, synchronous_commit=on, full_page_writes=on}";

    private final CrashSettings settings;
    private final Findings findings = new Findings();
    private final Launcher launcher;

    private CrashTest(CrashSettings settings, Path jar) throws IOException {
        this.settings = settings;
        this.launcher = new Launcher(jar, Files.createTempDirectory("velocity-crash-test"), settings, findings);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: scripts/crash-test.sh path/to/velocity.jar");
            System.exit(2);
        }
        CrashTest test = new CrashTest(CrashSettings.from(System.getenv()), Path.of(args[0]).toAbsolutePath());
        test.startWatchdog();
        System.exit(test.report(test.runAndStop()));
    }

    /** Past the timeout, kills everything it started and halts: a hung service must not hang the build. */
    private void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(settings.timeoutSeconds() * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("CRASH TEST FAIL: did not finish within " + settings.timeoutSeconds() + " s; work dir "
                    + launcher.work());
            launcher.killEverything();
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private boolean runAndStop() {
        try {
            return run();
        } catch (Exception e) {
            e.printStackTrace();
            findings.fail("aborted: " + e);
            return false;
        } finally {
            launcher.stop();
        }
    }

    private boolean run() throws Exception {
        launcher.start();
        checkDurability();
        SaveLoad load = new SaveLoad(settings, launcher.api(), launcher.api().createProject("crash-test", "crash"),
                findings);
        AfterCrashCheck check = new AfterCrashCheck(load, launcher, findings);
        check.verify("round 1 (SIGKILL JVM + all PostgreSQL processes)", load.run(1, launcher::killAll));
        check.verify("round 2 (SIGKILL JVM only, PostgreSQL left running)", load.run(2, launcher::killJvmOnly));
        return findings.passed();
    }

    /** A crash test of a database that does not flush its commits would prove nothing. */
    private void checkDurability() throws Exception {
        if (!launcher.log(1).contains(DURABLE_LOG)) {
            findings.fail("start-up log lacks '" + DURABLE_LOG + "'");
        }
        Answer<JsonNode> info = launcher.api().get("/actuator/info");
        findings.note("GET /actuator/info: " + info.text());
        JsonNode durable = info.ok() ? info.body().findValue("durable") : null;
        if (durable == null || !durable.asBoolean()) {
            findings.fail("/actuator/info does not say the database is durable");
        }
    }

    /** Prints the summary; returns the exit code. */
    private int report(boolean passed) {
        System.out.println();
        System.out.println("=== Crash test summary (" + settings.clients() + " clients, " + settings.loadSeconds()
                + " s load per round) ===");
        findings.print(30);
        if (passed && findings.passed()) {
            System.out.println("CRASH TEST PASS");
            if (settings.keep()) {
                System.out.println("(logs and data kept in " + launcher.work() + ")");
            } else {
                deleteTree(launcher.work());
            }
            return 0;
        }
        System.out.println("CRASH TEST FAIL (logs and data kept in " + launcher.work() + ")");
        return 1;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            System.out.println("(could not delete " + root + ": " + e.getMessage() + ")");
        }
    }
}
