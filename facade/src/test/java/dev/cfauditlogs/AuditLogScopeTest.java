package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AuditLogScope}: the user's log or one account's, refused unless well-formed. */
class AuditLogScopeTest {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

  @Test
  void theUserScope() {
    AuditLogScope user = AuditLogScope.user();
    assertEquals(Optional.empty(), user.accountId());
    assertTrue(user.isUser());
    assertEquals("user", user.key());
    assertEquals("user", user.toString());
    assertEquals(user, AuditLogScope.ofKey("user"));
  }

  @Test
  void anAccountScopeIsAValue() {
    AuditLogScope account = AuditLogScope.account(ACCOUNT);
    assertEquals(Optional.of(ACCOUNT), account.accountId());
    assertFalse(account.isUser());
    assertEquals("accounts/" + ACCOUNT, account.key());
    assertEquals("account " + ACCOUNT, account.toString());
    assertEquals(account, AuditLogScope.account(ACCOUNT));
    assertEquals(account.hashCode(), AuditLogScope.account(ACCOUNT).hashCode());
    assertEquals(account, AuditLogScope.ofKey(account.key()));
    assertNotEquals(account, AuditLogScope.user());
    assertNotEquals(account, AuditLogScope.account(ACCOUNT.replace('0', '1')));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "023E105F4ECEF8AD9CA31A8372D0C353", // upper case
        "023e105f4ecef8ad9ca31a8372d0c35", // 31
        "023e105f4ecef8ad9ca31a8372d0c3530", // 33
        "023e105f4ecef8ad9ca31a8372d0c35g", // not hex
        " 023e105f4ecef8ad9ca31a8372d0c353", // padded
        "023e105f-4ece-f8ad-9ca3-1a8372d0c353", // a UUID
        "../../user/audit_logs?x=023e105f4ec",
        "",
        "023e105f4ecef8ad9ca31a8372d0c35\n"
      })
  void refusesAnythingButThirtyTwoLowercaseHexNamingTheValue(String bad) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> AuditLogScope.account(bad));
    assertEquals("account_id", e.parameter());
    assertTrue(e.getMessage().contains("account_id"), e.getMessage());
    assertTrue(e.getMessage().contains("32 lowercase hexadecimal"), e.getMessage());
    assertTrue(
        e.getMessage().contains("'" + QueryValues.printable(bad) + "'"),
        () -> "names the value: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "control characters escaped: " + e.getMessage());
  }

  @Test
  void aLongRefusedValueIsShownBounded() {
    String huge = "a".repeat(100_000);
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> AuditLogScope.account(huge));
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    assertTrue(e.getMessage().contains("100000 characters"), e.getMessage());
  }

  @Test
  void aMissingAccountIdIsRefused() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> AuditLogScope.account(null));
    assertEquals("account_id", e.parameter());
  }

  @ParameterizedTest
  @ValueSource(strings = {"users", "accounts/", "accounts/XYZ", "account " + ACCOUNT, ""})
  void refusesAKeyThatNamesNoScope(String key) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> AuditLogScope.ofKey(key));
    assertTrue(e.getMessage().contains("'"), e.getMessage());
  }

  @Test
  void aQueryReadsTheUserLogUnlessAnAccountIsChosen() {
    AuditLogQuery user = AuditLogQuery.builder().actionType("login").build();
    assertEquals(AuditLogScope.user(), user.scope());
    assertEquals(AuditLogScope.user(), AuditLogQuery.all().scope());

    AuditLogQuery account = AuditLogQuery.builder().actionType("login").accountId(ACCOUNT).build();
    assertEquals(AuditLogScope.account(ACCOUNT), account.scope());
    assertEquals(
        account,
        AuditLogQuery.builder().scope(AuditLogScope.account(ACCOUNT)).actionType("login").build());
    assertEquals(user.parameters(), account.parameters(), "the id travels in the path");
    assertNotEquals(user, account);
    assertEquals(account, account.toBuilder().build());
    assertEquals(user, account.toBuilder().scope(AuditLogScope.user()).build());
    assertEquals("AuditLogQuery{account " + ACCOUNT + ", action.type=login}", account.toString());
    assertEquals("AuditLogQuery{action.type=login}", user.toString());
  }

  @Test
  void theBuilderRefusesABadAccountIdAtOnce() {
    AuditLogQuery.Builder builder = AuditLogQuery.builder();
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> builder.accountId("ABC"));
    assertEquals("account_id", e.parameter());
    assertTrue(e.getMessage().contains("'ABC'"), e.getMessage());
    assertThrows(NullPointerException.class, () -> builder.scope(null));
  }
}
