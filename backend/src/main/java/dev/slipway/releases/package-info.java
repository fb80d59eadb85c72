/**
 * Releases: immutable, numbered per app and environment (v1, v2, ...). A release pins the image and a
 * copy of the settings it runs with, so rolling back to it restores both. This feature also remembers
 * which release each app runs in each environment once a rollout finished.
 */
@NullMarked
package dev.slipway.releases;

import org.jspecify.annotations.NullMarked;
