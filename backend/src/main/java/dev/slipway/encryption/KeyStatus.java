package dev.slipway.encryption;

import java.util.Map;

/**
 * Which master keys wrap the stored values: the current key, and how many values each key wraps. Key
 * ids are HMACs under the keys themselves, so they say nothing about the keys.
 *
 * @param currentKeyId    the key new values are sealed with
 * @param valuesByKeyId   stored values per master key id; ids other than the current one need a rewrap
 * @param previousKeyIds  earlier keys configured in {@code SLIPWAY_PREVIOUS_MASTER_KEYS}
 */
public record KeyStatus(String currentKeyId, Map<String, Long> valuesByKeyId, java.util.List<String> previousKeyIds) {

    /** Values still wrapped by a key other than the current one. */
    public long awaitingRewrap() {
        return valuesByKeyId.entrySet().stream().filter(e -> !e.getKey().equals(currentKeyId))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
