/**
 * Platform-wide switches that admins flip at run time from the admin console (as opposed to the
 * start-up configuration in environment variables). Every switch defaults to its safe value.
 */
@NullMarked
package dev.slipway.settings;

import org.jspecify.annotations.NullMarked;
