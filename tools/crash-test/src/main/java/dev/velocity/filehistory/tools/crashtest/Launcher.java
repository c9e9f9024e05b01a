package dev.velocity.filehistory.tools.crashtest;

import dev.velocity.filehistory.tools.client.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The launcher jar under test: started on one data folder and port, killed the two ways the rounds need, stopped. */
final class Launcher {

    private static final long READY_SECONDS = 120;

    /** Kills at once what {@link KillPlan#prepare()} found. */
    interface Kill {
        void now() throws Exception;
    }

    interface KillPlan {
        /** Finds the processes to kill and returns what kills them, so that the kill itself is immediate. */
        Kill prepare() throws Exception;
    }

    private final Path jar;
    private final Path work;
    private final Path dataDir;
    private final int port;
    private final CrashSettings settings;
    private final ApiClient api;
    private final Findings findings;
    private Process process;
    private int starts;

    Launcher(Path jar, Path work, CrashSettings settings, Findings findings) throws IOException {
        this.jar = jar;
        this.work = work;
        this.dataDir = work.resolve("data");
        this.port = freePort();
        this.settings = settings;
        this.api = new ApiClient("http://127.0.0.1:" + port);
        this.findings = findings;
    }

    Path work() {
        return work;
    }

    ApiClient api() {
        return api;
    }

    void start() throws Exception {
        starts++;
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher-" + starts + ".log").toFile());
        Map<String, String> environment = builder.environment();
        // The launcher's embedded PostgreSQL, in our data folder: a configured database would not be ours to kill.
        environment.keySet().removeIf(key -> key.startsWith("SPRING_DATASOURCE"));
        environment.put("PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("VELOCITY_DATA_DIR", dataDir.toString());
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        long began = System.nanoTime();
        process = builder.start();
        awaitReady(began);
    }

    private void awaitReady(long began) throws InterruptedException {
        long deadline = began + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("launcher exited with " + process.exitValue() + " during start " + starts);
            }
            if (api.healthy()) {
                findings.note(String.format("start %d: ready in %.1f s (pid %d)", starts,
                        (System.nanoTime() - began) / 1e9, process.pid()));
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("launcher not ready within " + READY_SECONDS + " s (start " + starts + ")");
    }

    String log(int start) throws IOException {
        return Files.readString(work.resolve("launcher-" + start + ".log"));
    }

    Kill killAll() throws Exception {
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new IllegalStateException("no postmaster"));
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(process.toHandle());
        process.toHandle().descendants().forEach(victims::add);
        victims.add(postmaster);
        postmaster.descendants().forEach(victims::add);
        return () -> {
            // All at once, as a power cut of the process tree would: SIGKILL, no chance to flush.
            victims.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle victim : victims) {
                victim.onExit().get(30, TimeUnit.SECONDS);
            }
            findings.note("round 1: SIGKILLed the JVM (pid " + process.pid() + "), the postmaster (pid "
                    + postmaster.pid() + ") and " + (victims.size() - 2) + " other processes");
        };
    }

    Kill killJvmOnly() throws Exception {
        long postmaster = postmasterPid();
        return () -> {
            process.toHandle().destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
            boolean pgAlive = ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false);
            if (!pgAlive) {
                findings.fail("round 2: PostgreSQL died with the JVM, so the JVM-only crash was not tested");
            }
            findings.note("round 2: SIGKILLed the JVM (pid " + process.pid() + "); PostgreSQL (pid " + postmaster + ") "
                    + (pgAlive ? "left running" : "NOT running"));
        };
    }

    /** SIGTERM: a clean shutdown stops the embedded PostgreSQL too; whatever is left after that is stopped here. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        postmaster().ifPresent(postmaster -> {
            postmaster.destroy();
            try {
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                killTree(postmaster);
            }
        });
    }

    void killEverything() {
        if (process != null) {
            process.destroyForcibly();
        }
        postmaster().ifPresent(Launcher::killTree);
    }

    private static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /** The embedded PostgreSQL's postmaster, if it runs (no postmaster.pid: it stopped). */
    private Optional<ProcessHandle> postmaster() {
        try {
            return ProcessHandle.of(postmasterPid());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /** A port the kernel hands out for loopback; the launcher binds it a moment later. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
