/**
 * Code the library shares with the command-line tool of this project: not exported by the module
 * {@code dev.cfauditlogs}, not part of its API.
 */
@NullMarked
package dev.cfauditlogs.internal;

import org.jspecify.annotations.NullMarked;
