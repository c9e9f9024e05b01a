package dev.velocity.filehistory.command;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's web layer alone, for {@code @WebMvcTest}s: its controllers, the problem advices and the caller
 * argument. The application class would also pull in the event store and the command bus.
 */
@SpringBootConfiguration
@ComponentScan(basePackages = {"dev.velocity.filehistory.command", "dev.velocity.filehistory.platform"},
        useDefaultFilters = false,
        includeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION,
                        classes = {RestController.class, RestControllerAdvice.class}),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.AuthWebConfiguration")},
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class CommandWebSlice {
}
