package dev.golive.host;

import dev.golive.model.ServiceHealth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP GET of a service's health URL (the health step): the status code, or why there is none. Redirects are not followed. */
public final class HttpGet {
    private HttpGet() { }

    public static ServiceHealth.UrlAnswer status(String url, Duration timeout) {
        try {
            HttpClient c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<Void> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return new ServiceHealth.UrlAnswer(url, r.statusCode(), "");
        } catch (IOException | IllegalArgumentException e) {
            return new ServiceHealth.UrlAnswer(url, -1, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceHealth.UrlAnswer(url, -1, "interrupted");
        }
    }
}
