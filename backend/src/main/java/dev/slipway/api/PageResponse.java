package dev.slipway.api;

import java.util.List;
import org.springframework.data.domain.Page;

/**
 * One page of a list answer.
 *
 * @param page  zero-based page number
 * @param total the number of items on all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
