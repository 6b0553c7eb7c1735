package dev.cfauditlogs.testkit;

import dev.cfauditlogs.testsupport.ReadmeCodeCheck;

/**
 * Every Java example in this module's README.md is a compiled test source, word for word, and its
 * links stay inside the repository: the checks are {@link ReadmeCodeCheck}'s, run here.
 */
class ReadmeCodeTest extends ReadmeCodeCheck {}
