/** A consumer of cf-audit-logs on the module path: one {@code requires}, nothing else. */
module example.modular {
  requires dev.cfauditlogs;
}
