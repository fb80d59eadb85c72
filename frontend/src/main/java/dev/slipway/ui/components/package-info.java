/** Small pieces every view uses: notifications, form validation from backend rules, badges, formats. */
@NullMarked
package dev.slipway.ui.components;

import org.jspecify.annotations.NullMarked;
