package dev.slipway.encryption;

import java.util.List;
import java.util.UUID;

/**
 * What a rewrap did.
 *
 * @param rewrapped  values now wrapped by the current master key
 * @param unreadable values whose data key failed authentication under their master key: altered in the
 *                   database, so they stay as they are and must be looked into (and re-entered) by hand
 */
public record RewrapOutcome(long rewrapped, List<UUID> unreadable) {
}
