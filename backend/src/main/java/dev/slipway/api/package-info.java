/**
 * What every endpoint of the REST API ({@code /api/v1}) shares: errors as problem+json (RFC 9457) that
 * say what was wrong, the page shape of list answers, and the OpenAPI document at {@code /api/openapi}.
 * The endpoints themselves live in their features ({@code apps}, {@code teams}, ...).
 */
@NullMarked
package dev.slipway.api;

import org.jspecify.annotations.NullMarked;
