package dev.velocity.filehistory.platform.auth;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the authenticated {@link Caller}, or its {@link Credential}, as a parameter. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.equals(Caller.class) || type.equals(Credential.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String attribute = parameter.getParameterType().equals(Caller.class) ? Caller.ATTRIBUTE : Credential.ATTRIBUTE;
        Object value = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        if (value == null) {
            throw new IllegalStateException("No authenticated caller: is the route under /api/projects/{id}?");
        }
        return value;
    }
}
