package dev.velocity.filehistory.tools.bench;

/**
 * One row of the targets table: which target (issue 8's 1-7, issue 9's point in time...), the figures of both
 * designs, their ratio, the target and whether it is met ({@code null}: a figure the issue asks for without a
 * threshold, or one that could not be measured).
 */
public record TargetRow(int target, String what, String old, String velocity, String ratio, String goal, Boolean met) {

    /** A row that reports a figure without judging it. */
    public static TargetRow report(int target, String what, String old, String velocity, String ratio) {
        return new TargetRow(target, what, old, velocity, ratio, "report", null);
    }

    /** Null if the value could not be measured. */
    public static Boolean atMost(double value, double limit) {
        return Double.isNaN(value) ? null : value <= limit;
    }

    String markdown() {
        return Markdown.row(target + ". " + what, old, velocity, ratio, goal,
                met == null ? "n/a" : met ? "yes" : "**no**");
    }
}
