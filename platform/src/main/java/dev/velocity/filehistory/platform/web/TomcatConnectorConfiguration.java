package dev.velocity.filehistory.platform.web;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Tomcat reads a request before the API sees it; the same for every application, so not a setting. Runs after
 * Spring Boot's own customizer (unordered beans come last), so it is not overwritten by its defaults.
 */
@Configuration
class TomcatConnectorConfiguration {

    /** Characters that clients often leave unencoded; the API answers them with problem+json, not Tomcat's 400. */
    static final String RELAXED_CHARS = "\\|{}[]^`<>\"";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> relaxedRequestReading() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setRelaxedQueryChars(RELAXED_CHARS);
                http.setRelaxedPathChars(RELAXED_CHARS);
                // A body the API refuses unread (RequestBodyLimitFilter's 413) is still read to its end, so the
                // client gets the answer instead of a connection reset while it is still sending.
                http.setMaxSwallowSize(-1);
            }
        });
    }
}
