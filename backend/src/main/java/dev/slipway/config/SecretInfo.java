package dev.slipway.config;

import java.time.Instant;

/**
 * What anyone may know about a secret: that it is set, how many values it has had, and who set the
 * current one when. Never the value.
 */
public record SecretInfo(String name, int version, String setBy, Instant setAt) {
}
