package dev.velocity.filehistory.tools.bench.storage;

import dev.velocity.filehistory.tools.bench.BenchOptions;
import dev.velocity.filehistory.tools.bench.BenchRun;
import dev.velocity.filehistory.tools.bench.Section;
import dev.velocity.filehistory.tools.bench.SectionResult;
import dev.velocity.filehistory.tools.bench.design.Design;
import java.util.ArrayList;
import java.util.List;

/** The storage section: one file saved storageSaves times on each design, its bytes against git's. */
public final class StorageSection implements Section {

    private final int saves;
    private final int bytes;

    public StorageSection(BenchOptions options) {
        this.saves = options.number("storageSaves", 1000);
        this.bytes = options.number("storageBytes", 97280);
    }

    @Override
    public String key() {
        return "storage";
    }

    /** The databases hold only the warm-up then, so VACUUM FULL is short and no other workload's dead space is reused. */
    @Override
    public boolean runsFirst() {
        return true;
    }

    @Override
    public SectionResult run(BenchRun run) throws Exception {
        int kib = Math.round(bytes / 1024f);
        List<Storage> storages = new ArrayList<>();
        for (Design design : run.designs()) {
            BenchRun.progress("storage (%d saves of ~%d KiB): %s ...", saves, kib, design.name());
            Storage storage = Storage.measure(design, saves, bytes);
            storages.add(storage);
            BenchRun.progress("  %.1f MB added in %.1f s", storage.addedMb(0), storage.seconds());
        }
        BenchRun.progress("storage: git ...");
        GitStorage git = GitStorage.measure(saves, bytes);
        BenchRun.progress("  %.1f MB packed%s", git.packBytes() / 1e6, git.failure() == null ? "" : " (" + git.failure() + ")");
        return new StorageResults(storages, git, kib);
    }
}
