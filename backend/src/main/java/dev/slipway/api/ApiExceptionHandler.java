package dev.slipway.api;

import dev.slipway.shared.SlipwayException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns exceptions from API endpoints into problem+json. Errors users cause keep their message; anything
 * else is logged with an id and answered with that id, never with internals.
 */
@RestControllerAdvice(basePackages = "dev.slipway")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(SlipwayException.class)
    ResponseEntity<ProblemDetail> userError(SlipwayException e) {
        return problem(Problems.of(e));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleEdit(ObjectOptimisticLockingFailureException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "Someone else changed this at the same time. Load it again and repeat your change."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String value = e.getValue() == null ? "" : JsonBodyRules.printable(String.valueOf(e.getValue()));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "Parameter '" + e.getName() + "' has the value '" + value + "', which is not " + expected(e.getRequiredType())
                        + ".");
        return problem(problem);
    }

    /**
     * A header value Spring Security's firewall refuses when MVC reads the headers (a control character
     * that Tomcat let through): the client's fault, answered like the firewall's other refusals.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "rejected", "Request rejected",
                "A header of the request holds characters Slipway refuses (control characters). Send plain header values."));
    }

    @ExceptionHandler(RequestBodyChecks.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyChecks.BodyTooLargeException e) {
        return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", e.getMessage()));
    }

    /**
     * The database cannot be reached (down, restarting, or every connection busy for longer than the pool
     * waits): say so at once instead of an internal error, so scripts retry.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("The database is unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.databaseUnavailable());
    }


    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error in an API request (error id {})", id, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Slipway failed to answer this request. The error is logged with id " + id
                        + "; give that id to your platform team.");
        problem.setProperty("errorId", id);
        return problem(problem);
    }

    /**
     * A body the checks in {@link RequestBodyChecks} let through but Jackson could not bind, or no body
     * at all: said in words, never with Jackson's own message (which names classes and tokens).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail;
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson && !(cause instanceof DatabindException)) {
            detail = "The request body " + JsonErrors.syntax(jackson) + ".";
        } else if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            detail = "The request body has a value Slipway cannot read at '" + JsonErrors.path(bind)
                    + "'. The shape of each request is in /api/openapi.";
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            detail = "This endpoint needs a JSON body; its shape is in /api/openapi.";
        } else {
            detail = "The request body cannot be read for this endpoint; its shape is in /api/openapi.";
        }
        return new ResponseEntity<>(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Unreadable request body",
                detail), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** Spring's own answers (unsupported method or media type, missing parameter...) as problem+json too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, statusCode);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "valid here";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number in range";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant in UTC, e.g. 2026-11-01T00:00:00Z (an offset such as +01:00 needs its + URL-encoded"
                    + " as %2B)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "valid here";
    }
}
