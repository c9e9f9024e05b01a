package dev.velocity.filehistory.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** What both sides import: event store, schema, token auth and problem+json handling. */
@Configuration
@ComponentScan
@EnableConfigurationProperties(VelocityProperties.class)
public class PlatformConfiguration {
}
