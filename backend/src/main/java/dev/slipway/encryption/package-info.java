/**
 * Envelope encryption of values at rest (cluster credentials now, app secrets later). Each value gets its
 * own random data key (AES-256-GCM); the data key is wrapped with the key-encryption key (the master key),
 * which lives outside the database: {@code SLIPWAY_MASTER_KEY}, a file named by
 * {@code SLIPWAY_MASTER_KEY_FILE}, or, for a laptop with the in-process database only, a file generated
 * next to the data. Every row records which master key wrapped it, so the master key can be rotated.
 */
@NullMarked
package dev.slipway.encryption;

import org.jspecify.annotations.NullMarked;
