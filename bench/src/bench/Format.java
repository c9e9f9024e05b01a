package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static bench.Stats.*;

/** Formatting of figures and table rows for the report. */
final class Format {

    private Format() {}

    static String f(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "n/a";
        return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
    }

    static String ratio(double newValue, double oldValue) {
        if (Double.isNaN(newValue) || Double.isNaN(oldValue) || oldValue == 0) return "n/a";
        return String.format(Locale.ROOT, "%.2f×", newValue / oldValue);
    }

    static String failureKinds(Result r) {
        if (r.failures().isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        r.failures().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
        return sb.toString();
    }

    static double cpuSeconds(Result r) {
        return r.pgCpuSeconds() + (Double.isNaN(r.serviceCpuSeconds()) ? 0 : r.serviceCpuSeconds());
    }

    static double cpuPerSave(Result r) {
        return r.acknowledged() == 0 ? Double.NaN : cpuSeconds(r) * 1000 / r.acknowledged();
    }

    static int problems(Result r) {
        int sum = 0;
        for (Integrity i : r.integrity()) {
            sum += i.gaps() + i.duplicateVersions() + i.acknowledgedButMissing() + i.acknowledgedTwice()
                    + i.storedButNotAcknowledged() + (i.currentMarkers() == 1 ? 0 : 1);
        }
        return sum;
    }

    static String integrityLine(Result r) { return integrityLine(r.integrity()); }

    static String integrityLine(List<Integrity> all) {
        int stored = 0, gaps = 0, dup = 0, missing = 0, twice = 0, unack = 0, filesNotOneCurrent = 0, maxMarkers = 0;
        List<String> notes = new ArrayList<>();
        for (Integrity i : all) {
            stored += i.storedVersions(); gaps += i.gaps(); dup += i.duplicateVersions();
            missing += i.acknowledgedButMissing(); twice += i.acknowledgedTwice(); unack += i.storedButNotAcknowledged();
            if (i.currentMarkers() != 1) filesNotOneCurrent++;
            maxMarkers = Math.max(maxMarkers, i.currentMarkers());
            if (i.note() != null) notes.add(i.note());
        }
        String s = "stored versions " + stored + ", gaps " + gaps + ", duplicate versions " + dup
                + ", acknowledged but not stored " + missing + ", same version acknowledged twice " + twice
                + ", stored but never acknowledged " + unack
                + ", files without exactly one current marker " + filesNotOneCurrent + "/" + all.size();
        return notes.isEmpty() ? s : s + "; " + String.join("; ", notes);
    }

    static String abbreviate(String s, int max) { return s.length() <= max ? s : s.substring(0, max) + "..."; }

    static String cell(Result r, java.util.function.Function<Result, String> f) { return r == null ? "n/a" : f.apply(r); }

    static String p3(long[] sortedNanos) {
        return f(percentile(sortedNanos, 50)) + " / " + f(percentile(sortedNanos, 99)) + " / " + f(percentile(sortedNanos, 100));
    }

    static void hrow(StringBuilder md, List<LongHistory> hs, String label, java.util.function.Function<LongHistory, String> cell) {
        md.append("| ").append(label);
        for (LongHistory h : hs) md.append(" | ").append(cell.apply(h).replace("|", "\\|"));
        md.append(" |\n");
    }

    static void srow(StringBuilder md, List<Storage> ss, GitStorage git, String label,
                     java.util.function.Function<Storage, String> cell, java.util.function.Function<GitStorage, String> gitCell) {
        md.append("| ").append(label);
        for (Storage s : ss) md.append(" | ").append(cell.apply(s).replace("|", "\\|"));
        md.append(" | ").append(git == null ? "not measured" : gitCell.apply(git).replace("|", "\\|")).append(" |\n");
    }

    static void row(StringBuilder md, String label, Result[] p, java.util.function.Function<Result, String> cell) {
        md.append("| ").append(label).append(" | ").append(p[0] == null ? "n/a" : cell.apply(p[0]).replace("|", "\\|"))
                .append(" | ").append(p[1] == null ? "n/a" : cell.apply(p[1]).replace("|", "\\|")).append(" |\n");
    }
}
