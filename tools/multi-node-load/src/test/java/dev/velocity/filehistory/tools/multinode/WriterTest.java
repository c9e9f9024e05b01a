package dev.velocity.filehistory.tools.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WriterTest {

    @Test
    void everyOtherSaveGoesToTheWritersOwnFileTheRestTurnsOverTheSharedOnes() {
        assertThat(IntStream.range(0, 10).mapToObj(i -> Writer.path(7, i))).containsExactly(
                "own/writer-7.txt", "shared/file-0.txt", "own/writer-7.txt", "shared/file-1.txt",
                "own/writer-7.txt", "shared/file-2.txt", "own/writer-7.txt", "shared/file-3.txt",
                "own/writer-7.txt", "shared/file-0.txt");
    }
}
