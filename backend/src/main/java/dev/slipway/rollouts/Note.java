package dev.slipway.rollouts;

import java.util.Map;

/**
 * Something worth putting on a rollout's timeline.
 *
 * @param kind    a short upper-case word for the kind of entry (APPLIED, PROGRESS, FAILURE, ...)
 * @param message the sentence users read
 * @param details the measured values behind it
 */
record Note(String kind, String message, Map<String, String> details) {

    static Note of(String kind, String message) {
        return new Note(kind, message, Map.of());
    }
}
