package dev.slipway.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.catalina.core.StandardHost;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps every error of {@code /api} and {@code /hooks} a problem+json document, wherever it arises: in
 * Tomcat before Slipway sees the request (a {@code %00} or an encoded slash in the path, a header too
 * large), in Spring Security's firewall ({@code ..}, {@code ;}), in a filter (the database gone while a
 * token is checked), or in the container's error dispatch, which would otherwise reach the UI and answer
 * with a redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorResponses.class);

    /** Paths whose clients are programs and read problem+json; everything else belongs to the UI. */
    static boolean isApi(String uri) {
        return uri.startsWith("/api/") || uri.startsWith("/hooks/") || uri.equals("/api") || uri.equals("/hooks");
    }

    /** Requests Spring Security's firewall refuses, answered here rather than through an error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> {
            String detail = "The request's path or headers hold something Slipway refuses (an encoded slash or period,"
                    + " '..', ';', '//', a backslash or a control character). Use the plain path, e.g. from /api/openapi.";
            if (isApi(request.getRequestURI())) {
                problems.write(response, HttpStatus.BAD_REQUEST, "rejected", "Request rejected", detail);
            } else {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(detail);
            }
        };
    }

    /**
     * First for every API request: refuses a NUL in the query (PostgreSQL cannot take it, and no name or
     * text in Slipway holds one), and turns anything a later filter lets escape into a problem, the
     * database being unreachable into a 503 that tells the client to retry.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestGuard(ProblemWriter problems) {
        OncePerRequestFilter guard = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String problem = request.getQueryString() == null ? null : queryProblem(request.getQueryString());
                if (problem != null) {
                    problems.write(response, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", problem);
                    return;
                }
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (response.isCommitted()) {
                        throw e;
                    }
                    response.resetBuffer();
                    if (databaseUnreachable(e)) {
                        log.warn("The database is unavailable: {}", e.getMessage());
                        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                        problems.write(response, Problems.databaseUnavailable());
                    } else {
                        String id = UUID.randomUUID().toString();
                        log.error("Unexpected error in an API request (error id {})", id, e);
                        problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                                "Slipway failed to answer this request. The error is logged with id " + id
                                        + "; give that id to your platform team.");
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(guard);
        registration.addUrlPatterns("/api/*", "/hooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("apiRequestGuard");
        return registration;
    }

    /**
     * The container's error dispatch for an API request (after {@code sendError}): answered here, so it
     * never reaches the UI's security, which would redirect a script to the login page.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorDispatch(ProblemWriter problems) {
        OncePerRequestFilter errors = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                if (request.getDispatcherType() != DispatcherType.ERROR || !(uri instanceof String path) || !isApi(path)
                        || response.isCommitted()) {
                    chain.doFilter(request, response);
                    return;
                }
                Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
                problems.write(response, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, "http-" + code,
                        status == null ? "Error" : status.getReasonPhrase(), describe(status));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(errors);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("apiErrorDispatch");
        return registration;
    }

    /** Tomcat's own error page for requests it refuses before any servlet runs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    static String describe(@Nullable HttpStatus status) {
        if (status == null) {
            return "Slipway could not answer this request.";
        }
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: check its path, query and headers (see /api/openapi).";
            case NOT_FOUND -> "There is no such endpoint; the endpoints are listed in /api/openapi.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not take that method; see /api/openapi.";
            case CONTENT_TOO_LARGE, REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG ->
                    "The request is too large: shorten its path, query or headers.";
            case UNAUTHORIZED -> "This endpoint needs an API token: send 'Authorization: Bearer <token>'.";
            case FORBIDDEN -> "You may not do this.";
            case SERVICE_UNAVAILABLE -> "Slipway is not ready to answer; retry in a few seconds.";
            default -> status.is5xxServerError() ? "Slipway failed to answer this request; the error is logged."
                    : "The request cannot be answered: " + status.getReasonPhrase() + ".";
        };
    }

    /**
     * What is wrong with a query string: a bad percent escape or bytes that are not UTF-8 (Tomcat would
     * drop the parameter and fail later), or a NUL, which no value in Slipway can hold and PostgreSQL
     * refuses. Null when it is fine.
     */
    static @Nullable String queryProblem(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
                        || !HexFormat.isHexDigit(query.charAt(i + 2))) {
                    return "The query has a '%' that does not start an escape like %2F. Percent-encode the values.";
                }
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "The query is not UTF-8 once its %-escapes are decoded. Percent-encode the values as UTF-8.";
        }
        if (decoded.indexOf('\0') >= 0) {
            return "A query parameter holds a NUL character (%00), which no value in Slipway can hold. Remove it.";
        }
        return null;
    }

    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
