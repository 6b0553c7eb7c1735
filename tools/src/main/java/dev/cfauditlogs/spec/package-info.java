/**
 * The spec tools behind {@code openapi/update-spec}: a slicer that extracts {@code GET
 * /user/audit_logs} and {@code GET /accounts/{account_id}/audit_logs} and everything they reference
 * from Cloudflare's OpenAPI document, a drift report that compares a new slice with the checked-in
 * one, and a generator of synthetic upstream-shaped documents for tests and the benchmark. {@link
 * dev.cfauditlogs.spec.SpecTool} is the only public type; everything else is package-private.
 */
package dev.cfauditlogs.spec;
