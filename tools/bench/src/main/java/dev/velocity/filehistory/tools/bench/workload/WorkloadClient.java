package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.design.Ack;
import dev.velocity.filehistory.tools.bench.design.Client;
import dev.velocity.filehistory.tools.bench.design.Outcome;
import dev.velocity.filehistory.tools.client.ContentHash;
import java.util.Collection;

/** One client of a workload: its saves one after another, until its count or the workload's deadline. */
final class WorkloadClient implements Runnable {

    private final WorkloadRun run;
    private final Client session;
    private final String path;
    private final Texts texts;
    private final StartGate gate;
    private final LagProbe probe;
    private boolean cut;
    private long endNanos;

    WorkloadClient(WorkloadRun run, Client session, String path, Texts texts, StartGate gate, LagProbe probe) {
        this.run = run;
        this.session = session;
        this.path = path;
        this.texts = texts;
        this.gate = gate;
        this.probe = probe;
    }

    @Override
    public void run() {
        Integer lastSeen = run.workload().seededVersions();
        if (!gate.readyAndWait()) {
            return;
        }
        long stopAt = gate.startNanos() + run.workload().deadline().toNanos();
        for (int i = 0; i < run.workload().saves(); i++) {
            if (System.nanoTime() > stopAt) {
                cut = true;
                break;
            }
            String text = texts.next();
            Outcome outcome = session.save(run.project(), path, text, expected(lastSeen));
            long ackedAt = System.nanoTime();
            run.outcomes().add(outcome);
            lastSeen = seen(outcome, text, ackedAt, lastSeen);
        }
        endNanos = System.nanoTime();
    }

    private Integer expected(Integer lastSeen) {
        return switch (run.workload().expect()) {
            case LAST_SEEN -> lastSeen;
            case NULL -> null;
            case STALE -> 1;
        };
    }

    /** The version this client knows after an outcome: the saved one, the one a conflict named, or read back. */
    private Integer seen(Outcome outcome, String text, long ackedAt, Integer lastSeen) {
        if (outcome.kind() == Outcome.Kind.ACKNOWLEDGED) {
            acks().add(new Ack(outcome.version(), ContentHash.of(text)));
            if (probe != null) {
                probe.acknowledged(path, outcome.version(), ackedAt);
            }
        }
        if (outcome.kind() != Outcome.Kind.FAILED) {
            return outcome.version();
        }
        if (outcome.currentVersion() != null) {
            return outcome.currentVersion();
        }
        Integer current = session.currentVersion(run.project(), path);
        return current != null ? current : lastSeen;
    }

    private Collection<Ack> acks() {
        return run.acks().get(path);
    }

    /** Read after the thread joined. */
    boolean cut() {
        return cut;
    }

    long endNanos() {
        return endNanos;
    }

    Client session() {
        return session;
    }
}
