package dev.slipway.api;

import dev.slipway.shared.SlipwayException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns exceptions from API endpoints into problem+json. Errors users cause keep their message; anything
 * else is logged with an id and answered with that id, never with internals.
 */
@RestControllerAdvice(basePackages = "dev.slipway")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(SlipwayException.class)
    ResponseEntity<ProblemDetail> userError(SlipwayException e) {
        ProblemDetail problem = Problems.of(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleEdit(ObjectOptimisticLockingFailureException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "Someone else changed this at the same time. Load it again and repeat your change.");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "Parameter '" + e.getName() + "' has the value '" + e.getValue() + "', which is not a valid "
                        + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()) + "."
                        + example(e.getRequiredType()));
        return ResponseEntity.badRequest().body(problem);
    }

    /** How a valid value looks, for the types whose form is not obvious from their name. */
    private static String example(@Nullable Class<?> type) {
        if (type == Instant.class) {
            return " Give an ISO-8601 instant in UTC, e.g. 2026-11-01T00:00:00Z (an offset such as +01:00 needs its +"
                    + " URL-encoded as %2B).";
        }
        return "";
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error in an API request (error id {})", id, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Slipway failed to answer this request. The error is logged with id " + id
                        + "; give that id to your platform team.");
        problem.setProperty("errorId", id);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** Unreadable JSON says where it broke, which Spring's default answer leaves out. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Unreadable request body",
                "The request body is not valid JSON for this endpoint: " + firstLine(cause.getMessage()));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
