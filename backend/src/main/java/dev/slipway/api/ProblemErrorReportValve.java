package dev.slipway.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for requests it refuses before Slipway runs (a {@code %00} or {@code %2F} in the
 * path, a bad percent escape, headers too large): a problem document for API and webhook paths, which
 * programs read, and Tomcat's usual page for the rest.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !isApi(request)) {
            super.report(request, response, throwable);
            return;
        }
        // as Tomcat's own report does: once only, so another error valve (Spring Boot adds one) writes nothing more
        if (!response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String json = "{\"type\":\"urn:slipway:problem:http-" + code + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + ApiErrorResponses.describe(status).replace("\"", "'") + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to tell it
        }
    }

    /** The raw request path, which Tomcat may not have decoded when it refused the request. */
    private static boolean isApi(Request request) {
        String uri = request.getCoyoteRequest() == null ? null : request.getCoyoteRequest().requestURI().toString();
        return uri != null && ApiErrorResponses.isApi(uri);
    }
}
