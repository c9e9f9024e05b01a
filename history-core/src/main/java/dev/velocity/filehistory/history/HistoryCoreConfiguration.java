package dev.velocity.filehistory.history;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * What both sides import besides the platform: content storage ({@code content}), the hash chain ({@code chain}) and
 * the upcasters that keep every older event shape reading ({@code upcasting}).
 */
@Configuration
@ComponentScan
public class HistoryCoreConfiguration {
}
