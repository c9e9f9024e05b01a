package dev.velocity.filehistory.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * How the editor's files (editor-ui's build, {@code static/} in the jar) are served: each as the brotli or gzip copy
 * made at build time when the browser accepts it, Content-Encoding and {@code Vary: Accept-Encoding} set by Spring's
 * {@link EncodedResourceResolver}. Files under {@code /assets/} carry a content hash in their names, so a browser
 * keeps them for a year without asking again. The page itself ({@code index.html}) and the service worker are
 * revalidated on every load by an ETag of their content, so a new release is seen at once and a reload of the same
 * one costs a 304. The split deployment's nginx ({@code deploy/nginx.conf}) serves the same files the same way.
 * <p>
 * Ordered first, so that Spring Boot's own static-file mapping for {@code /**} (one cache policy for every file) is
 * not added.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditorPage implements WebMvcConfigurer {

    private static final String FILES = "classpath:/static/";
    private static final CacheControl HASHED_NAMES = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(FILES + "assets/")
                .setCacheControl(HASHED_NAMES)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations(FILES)
                .setCacheControl(CacheControl.noCache())
                // The content decides, not the jar entry's time: a rebuilt jar may keep a file's timestamp.
                .setUseLastModified(false)
                .setEtagGenerator(EditorPage::contentTag)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
    }

    /** A weak ETag of the bytes sent (the brotli and gzip copies each get their own); these files are a few KiB. */
    private static String contentTag(Resource resource) {
        try (InputStream content = resource.getInputStream()) {
            return "W/\"" + DigestUtils.md5DigestAsHex(content) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
