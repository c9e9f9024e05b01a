package dev.velocity.filehistory.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The command side's own settings ({@code velocity.*}, environment {@code VELOCITY_SNAPSHOT_THRESHOLD} and so on);
 * the shared ones are in {@code VelocityProperties}. Numbers are boxed so that an empty variable takes the default.
 *
 * @param aggregateCacheSize how many files' aggregates stay in memory: without them every save replays the file's
 *                           history (or its snapshot and what followed)
 * @param snapshotThreshold  after how many events of a file a snapshot is taken, bounding the replay of a cold file
 * @param fileTurnTimeout    how long a command waits for the other commands of its file (taken one at a time,
 *                           before their transaction starts) before it answers 503 with Retry-After: a hang
 *                           detector, far above a save's usual wait
 */
@Validated
@ConfigurationProperties(prefix = "velocity")
public record CommandSideProperties(
        @DefaultValue("2000") @Positive Long aggregateCacheSize,
        @DefaultValue("100") @Positive Integer snapshotThreshold,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration fileTurnTimeout) {
}
