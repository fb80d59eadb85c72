/**
 * People and how they prove who they are: local users with bcrypt passwords (form login in the UI), API
 * tokens for scripts (hashed at rest, shown once, revocable), the platform-admin flag, and the first
 * admin created on an empty database. What a person may do inside a team is decided by the teams
 * feature; this one only says who they are.
 */
@NullMarked
package dev.slipway.security;

import org.jspecify.annotations.NullMarked;
