package dev.cfauditlogs.bench;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OkHttp application interceptor that answers every call with the same 200 JSON body, without
 * any network: what is measured is the work after the bytes arrive.
 */
final class CannedResponse implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json");

  private final byte[] body;

  CannedResponse(byte[] body) {
    this.body = body.clone();
  }

  @Override
  public Response intercept(Chain chain) {
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", "application/json")
        .header("cf-ray", "0123456789abcdef-BENCH")
        .body(ResponseBody.create(body, JSON))
        .build();
  }
}
