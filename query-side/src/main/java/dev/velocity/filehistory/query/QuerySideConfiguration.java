package dev.velocity.filehistory.query;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Applies the query side's own settings that belong to Spring MVC. */
@Configuration
@EnableConfigurationProperties(QuerySideProperties.class)
class QuerySideConfiguration implements WebMvcConfigurer {

    private final QuerySideProperties settings;

    QuerySideConfiguration(QuerySideProperties settings) {
        this.settings = settings;
    }

    /** Streamed bodies (audit stream, git export) run on after their request thread returns. */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(settings.streamTimeout().toMillis());
    }
}
