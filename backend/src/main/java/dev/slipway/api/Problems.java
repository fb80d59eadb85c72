package dev.slipway.api;

import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.SlipwayException;
import dev.slipway.shared.UnavailableException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents of the API, so every error has the same shape wherever it is raised. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:slipway:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** Slipway's database cannot be reached; the client should retry. */
    public static ProblemDetail databaseUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "Slipway cannot reach its database right now, so nothing was read or changed. Retry in a few seconds;"
                        + " if it lasts, tell your platform team.");
    }

    /** The problem for an error a user caused. */
    public static ProblemDetail of(SlipwayException e) {
        return switch (e) {
            case InvalidInputException invalid -> {
                ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        "Nothing was saved. " + invalid.getMessage());
                problem.setProperty("errors", invalid.problems());
                yield problem;
            }
            case NotFoundException notFound -> of(HttpStatus.NOT_FOUND, "not-found", "Not found", notFound.getMessage());
            case ForbiddenException forbidden -> of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", forbidden.getMessage());
            case ConflictException conflict -> of(HttpStatus.CONFLICT, "conflict", "Conflict", conflict.getMessage());
            case UnavailableException unavailable -> of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Not configured", unavailable.getMessage());
        };
    }
}
