package dev.cfauditlogs;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * The converter Retrofit needs for the generated interface's return type. The client uses the
 * interface only to build requests ({@code Call.request()}); bodies are decoded by {@link
 * PageDecoder}, tolerantly, so this converter is never meant to run and refuses if it does.
 */
final class RequestOnlyConverters extends Converter.Factory {
  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    return body -> {
      body.close();
      throw new UnsupportedOperationException(
          "cf-audit-logs decodes response bodies itself (PageDecoder), never through Retrofit");
    };
  }
}
