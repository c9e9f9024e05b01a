package dev.velocity.filehistory.webslice;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A side's web layer alone, for {@code @WebMvcTest}s ({@code @ContextConfiguration(classes = WebSlice.class)}):
 * the controllers the test names, the problem advices and the caller argument. A side's application class would
 * also pull in the event store, the buses and the read models. Scans the whole product: each side's test classpath
 * holds only that side and the platform. Lives outside the packages the applications scan, so that no application
 * started with the platform's test jar on its classpath picks it up.
 */
@SpringBootConfiguration
@ComponentScan(basePackages = "dev.velocity.filehistory",
        useDefaultFilters = false,
        includeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION,
                        classes = {RestController.class, RestControllerAdvice.class}),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.AuthWebConfiguration")},
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class WebSlice {
}
