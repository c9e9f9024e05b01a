package dev.velocity.filehistory.platform.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own answers as problem+json. {@link ProblemErrorReportValve} takes the place of Tomcat's HTML error
 * report; this runs after Spring Boot's own customizer (unordered beans come last), which has added a plain
 * ErrorReportValve by then. TRACE is let through to Spring MVC (with {@code spring.mvc.dispatch-trace-request}),
 * which has no handler for it and answers 405 problem+json; Tomcat would answer it with an empty 405, and Spring's
 * default would echo the request.
 */
@Configuration
class TomcatErrorReportConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports(ProblemResponses problems) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                // The host adds a valve of this class when it starts unless it finds one: the one added here.
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                pipeline.addValve(new ProblemErrorReportValve(problems));
            });
        };
    }
}
