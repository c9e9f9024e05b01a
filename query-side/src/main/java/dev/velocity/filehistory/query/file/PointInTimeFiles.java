package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.query.file.FileReadModel.CurrentFile;
import dev.velocity.filehistory.query.readmodel.CatchUpWait;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Point-in-time reads. The read model answers only once it has handled every event up to the point: up to the
 * position asked for, or, for an instant, every event stored when the request came (an event's time is taken
 * before it gets its position, so no smaller position bounds an instant).
 */
@Service
class PointInTimeFiles {

    private final PointInTimeReadModel readModel;
    private final CatchUpWait catchUp;

    PointInTimeFiles(PointInTimeReadModel readModel, CatchUpWait catchUp) {
        this.readModel = readModel;
        this.catchUp = catchUp;
    }

    List<CurrentFile> liveFiles(UUID projectId, AsOf asOf) {
        awaitReadModel(asOf);
        return readModel.liveFiles(projectId, asOf);
    }

    CurrentFile atPath(UUID projectId, String path, AsOf asOf) {
        awaitReadModel(asOf);
        return readModel.atPath(projectId, path, asOf).orElseThrow(() -> new NoFileAtPathException(
                "No file was at '" + path + "' at " + (asOf.position() != null
                        ? "position " + asOf.position() : asOf.at())));
    }

    private void awaitReadModel(AsOf asOf) {
        if (asOf.position() != null) {
            catchUp.awaitPosition(asOf.position());
        } else {
            catchUp.awaitEventStoreHead();
        }
    }
}
