package dev.velocity.filehistory.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The query side's own settings ({@code velocity.*}, environment {@code VELOCITY_PROJECTION_THREADS} and so on);
 * the shared ones are in {@code VelocityProperties}. Numbers are boxed so that an empty variable takes the default.
 *
 * @param streamTimeout how long the audit stream and the git export may take after their request thread returns;
 *                      Tomcat's 30 s default for such requests would cut a large project's export short
 * @param projection    the streaming processor that writes both read models
 */
@Validated
@ConfigurationProperties(prefix = "velocity")
public record QuerySideProperties(
        @DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration streamTimeout,
        @DefaultValue @NotNull @Valid Projection projection) {

    /**
     * One thread and one segment per node by default: a file's events always stay in order, and more segments only
     * help when several query nodes share the work.
     *
     * @param threads  worker threads of the node's processor; each may hold a connection ({@code ConnectionBudget})
     * @param segments how many segments the processor's token is split into when it is first created
     * @param batch    events handled in one transaction
     */
    public record Projection(
            @DefaultValue("1") @Positive Integer threads,
            @DefaultValue("1") @Positive Integer segments,
            @DefaultValue("200") @Positive Integer batch) {
    }
}
