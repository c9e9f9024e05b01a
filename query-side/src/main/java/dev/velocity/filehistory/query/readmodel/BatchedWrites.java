package dev.velocity.filehistory.query.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' writes of one event batch, sent as JDBC batches just before the batch commits: a round trip
 * per statement kind and table instead of one per event. Under load the single projection thread waits on the
 * database for each round trip, so this is what lets it keep up. Writes to a table keep their order (runs of
 * the same statement become one JDBC batch), so a guarded update never overtakes an earlier upsert.
 */
@Component
class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();

    private final JdbcTemplate jdbc;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Write(String sql, Object[] args) {
    }

    void write(String table, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, List<Write>> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<String, List<Write>> byTable = new LinkedHashMap<>();
            batch.onPrepareCommit(unitOfWork -> byTable.values().forEach(this::flush));
            return byTable;
        });
        pending.computeIfAbsent(table, key -> new ArrayList<>()).add(new Write(sql, args));
    }

    private void flush(List<Write> writes) {
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start;
            List<Object[]> rows = new ArrayList<>();
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                rows.add(writes.get(end).args());
                end++;
            }
            jdbc.batchUpdate(sql, rows);
            start = end;
        }
    }
}
