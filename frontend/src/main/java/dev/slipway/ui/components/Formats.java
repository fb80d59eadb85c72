package dev.slipway.ui.components;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** How times read on screen: UTC, to the minute, the same on every page and in every log. */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String minute(@Nullable Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public static String second(@Nullable Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }
}
