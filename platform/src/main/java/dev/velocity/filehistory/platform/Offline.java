package dev.velocity.filehistory.platform;

/** Settings for a machine without internet access, applied before Spring starts. */
public final class Offline {

    private Offline() {
    }

    /** Axon's update checker phones home at start-up; it reads only a system property or the environment. */
    public static void disableUpdateChecks() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
