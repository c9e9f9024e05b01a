package dev.velocity.filehistory.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses a route answers for reasons of its own (a 404 for a path with no file, a 409 for a stale
 * version), for the OpenAPI description. The statuses every route of its kind may answer (401 without a token, 503
 * while the database is down, 415 for a body that is not JSON...) are added by {@link OpenApiConfiguration}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ErrorResponses {

    int[] value();
}
