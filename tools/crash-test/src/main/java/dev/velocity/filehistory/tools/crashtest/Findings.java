package dev.velocity.filehistory.tools.crashtest;

import java.util.ArrayList;
import java.util.List;

/** What the crash test found: failures (any one fails it) and the summary lines it prints either way. */
final class Findings {

    private final List<String> failures = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();

    synchronized void fail(String failure) {
        failures.add(failure);
    }

    synchronized void note(String line) {
        summary.add(line);
    }

    synchronized boolean passed() {
        return failures.isEmpty();
    }

    synchronized void print(int maxFailures) {
        summary.forEach(line -> System.out.println("  " + line));
        failures.stream().limit(maxFailures).forEach(line -> System.out.println("  FAILURE: " + line));
        if (failures.size() > maxFailures) {
            System.out.println("  ... and " + (failures.size() - maxFailures) + " more failures");
        }
    }
}
