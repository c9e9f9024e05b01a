package dev.velocity.filehistory.platform.web;

import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.auth.Credential;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description ({@code /api-docs}), with the problem+json answers of every operation: those its route
 * has by kind (token routes 401/403/429, admin routes 401/404, a body 400/413/415, query parameters 400, every
 * route 503 while the database is down) and those its handler declares with {@link ErrorResponses}.
 */
@Configuration
class OpenApiConfiguration {

    static {
        // Filled in by the token filter, never sent by a client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Credential.class);
    }


    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String RETRY_AFTER = "Retry-After";
    private static final String PROJECT_ROUTES = "/api/projects/{projectId}";
    private static final String ADMIN_ROUTES = "/api/admin/";

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "Invalid request: a parameter, a header, the query string or the body is not valid; "
                    + "nothing was stored"),
            Map.entry(401, "No token, or a token that is unknown or revoked (admin routes: not the admin token)"),
            Map.entry(403, "The token belongs to another project, or the caller may not do this"),
            Map.entry(404, "Not found: no file or version there (admin routes: turned off, no admin token is set)"),
            Map.entry(409, "Conflict with the current state (stale expectedVersion, path taken, Idempotency-Key in "
                    + "use, rebuild running); the problem says which and what is current"),
            Map.entry(413, "Content too large"),
            Map.entry(415, "Unsupported media type: the body must be application/json"),
            Map.entry(422, "The Idempotency-Key was used before for a different request"),
            Map.entry(429, "Too many requests from this token; send again after Retry-After"),
            Map.entry(503, "Database unavailable, file busy or read model behind; nothing was stored, send again "
                    + "after Retry-After"));
    private static final Set<Integer> WITH_RETRY_AFTER = Set.of(409, 429, 503);

    @Bean
    OpenAPI velocityOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Velocity file history API").version("1")
                        .description("Save, move, delete and restore files with a gap-free version history; "
                                + "read current files, any version, history and diffs. Errors are "
                                + "application/problem+json. The contract is docs/api.md; this document adds "
                                + "detail."))
                .components(new Components()
                        .addSecuritySchemes("bearer",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The statuses a handler declares for itself. */
    @Bean
    OperationCustomizer declaredErrorResponses() {
        return (operation, handler) -> {
            ErrorResponses declared = handler.getMethodAnnotation(ErrorResponses.class);
            if (declared != null) {
                for (int status : declared.value()) {
                    addProblem(operation, status);
                }
            }
            return operation;
        };
    }

    /** The statuses an operation has by the kind of its route; then every operation's answers in status order. */
    @Bean
    OpenApiCustomizer routeErrorResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(operation -> addByRoute(path, operation));
                }
            });
        };
    }

    private static void addByRoute(String path, Operation operation) {
        Set<Integer> statuses = new TreeSet<>();
        statuses.add(503);
        if (path.startsWith(PROJECT_ROUTES)) {
            statuses.addAll(Set.of(401, 403, 429));
        } else if (path.startsWith(ADMIN_ROUTES)) {
            statuses.addAll(Set.of(401, 404));
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(Set.of(400, 413, 415));
        }
        boolean queryParameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "query".equals(parameter.getIn()));
        if (queryParameters) {
            statuses.add(400);
        }
        statuses.forEach(status -> addProblem(operation, status));
        ApiResponses sorted = new ApiResponses();
        new TreeSet<>(operation.getResponses().keySet()).forEach(code -> sorted.addApiResponse(code,
                operation.getResponses().get(code)));
        operation.setResponses(sorted);
    }

    private static void addProblem(Operation operation, int status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String code = String.valueOf(status);
        if (operation.getResponses().containsKey(code)) {
            return;
        }
        ApiResponse response = new ApiResponse()
                .description(MEANINGS.getOrDefault(status, "Refused"))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        if (WITH_RETRY_AFTER.contains(status)) {
            response.addHeaderObject(RETRY_AFTER, new Header()
                    .description("Seconds until the same request may be sent again (409: only for a key in use)")
                    .schema(new IntegerSchema()));
        }
        operation.getResponses().addApiResponse(code, response);
    }

    /** RFC 9457's members; a problem may carry more (currentVersion on a conflict, limitBytes on 413). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; `type` ends in a stable slug clients may match on")
                .addProperty("type", new StringSchema().format("uri-reference").example("/problems/not-found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .additionalProperties(true);
    }
}
