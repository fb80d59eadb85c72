package dev.slipway.api;

import dev.slipway.shared.InputCheck;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The paging parameters every list endpoint takes, checked the same way everywhere. */
public final class Paging {

    /** The most items one page holds; a larger {@code size} is refused rather than cut silently. */
    public static final int MAX_SIZE = 100;
    /** Beyond this, a client is walking the list in the wrong way; filters are the answer. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    /** The page asked for, or a 400 naming the parameter that is out of range. */
    public static PageRequest of(int page, int size, Sort sort) {
        new InputCheck()
                .field("page", page < 0 || page > MAX_PAGE
                        ? Optional.of("must be between 0 and " + MAX_PAGE + " (zero-based)") : Optional.empty())
                .field("size", size < 1 || size > MAX_SIZE
                        ? Optional.of("must be between 1 and " + MAX_SIZE) : Optional.empty())
                .throwIfInvalid();
        return PageRequest.of(page, size, sort);
    }
}
