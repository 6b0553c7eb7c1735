package dev.cfauditlogs;

import java.io.IOException;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp's own follow-up logic from acting on a 503's {@code Retry-After}, which is this
 * client's to read ({@link RetryAfter}). OkHttp's {@code RetryAndFollowUpInterceptor} (4.12 and 5)
 * parses an all-digit value as an {@code int}: {@code 0} makes it repeat the request at once (a
 * request this client neither paces nor counts), and a value over 2<sup>31</sup> − 1 seconds throws
 * a {@link NumberFormatException} out of the call (observed with {@code Retry-After:
 * 1000000000000}). Such a value is handed on as the same number of seconds written with a decimal
 * point, which OkHttp leaves alone and {@link RetryAfter} reads the same. A network interceptor, so
 * it runs before OkHttp's follow-up sees the response.
 */
final class RetryAfterGuard implements Interceptor {
  private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() != 503) {
      return response;
    }
    String value = response.header("Retry-After");
    if (value == null || !ALL_DIGITS.matcher(value).matches()) {
      return response;
    }
    return response.newBuilder().header("Retry-After", value + ".0").build();
  }
}
