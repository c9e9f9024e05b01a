package dev.velocity.filehistory.tools.bench;

import java.util.Locale;
import java.util.function.Function;

/** How figures read in the report: three significant digits or so, "n/a" where there is none. */
public final class Format {

    private Format() {}

    public static String f(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
    }

    public static String ratio(double newValue, double oldValue) {
        if (Double.isNaN(newValue) || Double.isNaN(oldValue) || oldValue == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", newValue / oldValue);
    }

    /** p50 / p99 / max of sorted nanoseconds, in ms. */
    public static String p3(long[] sortedNanos) {
        return f(Stats.percentile(sortedNanos, 50)) + " / " + f(Stats.percentile(sortedNanos, 99)) + " / "
                + f(Stats.percentile(sortedNanos, 100));
    }

    /** A cell of a design that may not have been measured. */
    public static <T> String cell(T measured, Function<T, String> format) {
        return measured == null ? "n/a" : format.apply(measured);
    }

    public static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
