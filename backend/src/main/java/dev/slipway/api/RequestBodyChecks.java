package dev.slipway.api;

import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every JSON request body of the API against {@link JsonBodyRules} before it is bound, and
 * refuses it with every problem named (400, nothing stored) instead of letting the first Jackson error,
 * a null in a field the code relies on, or a NUL character PostgreSQL cannot store get further.
 */
@ControllerAdvice(basePackages = "dev.slipway")
class RequestBodyChecks extends RequestBodyAdviceAdapter {

    /** Far above any real request (a .env import of a few thousand lines), far below what hurts. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final JsonMapper TREES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body;
        try (InputStream in = input.getBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException(MAX_BODY_BYTES);
        }
        JsonNode tree;
        try {
            tree = TREES.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", JsonErrors.syntax(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInputException("body", "is empty; this endpoint takes a JSON object");
        }
        RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
        if (tree.isNull() && annotation != null && !annotation.required()) {
            // JSON null where the body is optional: the same as no body, as Jackson binds it
            return buffered(input, body);
        }
        List<FieldProblem> problems = JsonBodyRules.check(tree, parameter.getParameter().getAnnotatedType());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return buffered(input, body);
    }

    private static HttpInputMessage buffered(HttpInputMessage input, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** A body over {@link #MAX_BODY_BYTES}; answered 413. */
    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(int limit) {
            super("The request body is larger than " + limit / 1024 + " KB, the most Slipway takes.");
        }
    }
}
