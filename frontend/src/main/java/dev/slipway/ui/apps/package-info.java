/** The apps list, an app's page with its place in each environment, and the form that creates or edits one. */
@NullMarked
package dev.slipway.ui.apps;

import org.jspecify.annotations.NullMarked;
