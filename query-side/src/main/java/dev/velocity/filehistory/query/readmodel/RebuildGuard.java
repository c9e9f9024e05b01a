package dev.velocity.filehistory.query.readmodel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While the read models are rebuilt or replayed they are half filled: every read of them answers 503 "behind"
 * (with a Retry-After from the rebuild's estimate) instead of a half-built answer. Writes to the same paths are the
 * command side's and pass; so do live updates, and the audit stream, which serves only what the read models have
 * handled (a page during a rebuild ends early and the auditor resumes).
 */
@Component
class RebuildGuard implements WebMvcConfigurer, HandlerInterceptor {

    private static final long MAX_RETRY_AFTER_SECONDS = 30;

    private final ReadModelRebuild rebuild;
    private final ProjectionProgress tracker;

    RebuildGuard(ReadModelRebuild rebuild, ProjectionProgress tracker) {
        this.rebuild = rebuild;
        this.tracker = tracker;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/projects/*/files", "/api/projects/*/files/**",
                "/api/projects/*/export");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && (rebuild.running() || tracker.replaying())) {
            Long eta = rebuild.progress().etaSeconds();
            long retryAfter = eta == null ? 1 : Math.max(1, Math.min(eta, MAX_RETRY_AFTER_SECONDS));
            throw new ReadModelBehindException("The read models are being rebuilt from the event store; retry "
                    + "shortly", retryAfter);
        }
        return true;
    }
}
