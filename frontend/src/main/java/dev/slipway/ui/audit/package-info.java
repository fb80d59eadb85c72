/** The admin page that browses the audit log. */
@NullMarked
package dev.slipway.ui.audit;

import org.jspecify.annotations.NullMarked;
