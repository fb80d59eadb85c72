package dev.slipway.api;

import dev.slipway.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers API paths that no endpoint serves with a problem document, instead of letting them fall
 * through to the UI's page router or Spring's HTML error page. Every real endpoint is more specific and
 * wins.
 */
@RestController
@Hidden
class UnknownEndpointController {

    // only below a version prefix: the OpenAPI document and its browsable UI live elsewhere under /api
    @RequestMapping("/api/v1/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("There is no API endpoint " + request.getMethod() + " " + request.getRequestURI()
                + ". The endpoints are listed in /api/openapi.");
    }
}
