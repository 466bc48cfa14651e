package com.leadledger.command.webhook;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Posts one signed delivery. The address policy is applied by the connection's DNS resolver, so it judges exactly the
 * addresses connected to (a name that resolved to a public address at registration and to a private one now is
 * refused now). No redirects are followed, no automatic retries made; connect and read time out.
 */
class WebhookSender implements Closeable {

    static final String EVENT_ID_HEADER = "LeadLedger-Event-Id";

    /** What an attempt came to: the HTTP status (0 when none was received) and, when it failed, why. */
    record Outcome(int httpStatus, String error) {

        boolean delivered() {
            return httpStatus >= 200 && httpStatus < 300;
        }
    }

    private final CloseableHttpClient http;

    WebhookSender(WebhookAddressPolicy addresses, WebhookProperties properties) {
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout read = Timeout.of(properties.readTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(addresses))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .setMaxConnTotal(properties.concurrency())
                        .setMaxConnPerRoute(properties.concurrency())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect).setResponseTimeout(read).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("LeadLedger-Webhooks/1")
                .build();
    }

    Outcome send(URI url, String eventId, String signature, String body) {
        HttpPost post = new HttpPost(url);
        post.setHeader(EVENT_ID_HEADER, eventId);
        post.setHeader(WebhookSignature.HEADER, signature);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                int status = response.getCode();
                return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
            });
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** The system resolver, refusing any name with an address the policy does not allow. */
    private record CheckedResolver(WebhookAddressPolicy addresses) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] resolved = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : resolved) {
                if (!addresses.mayCall(address)) {
                    throw new UnknownHostException(host + " resolves to " + address.getHostAddress()
                            + ", which webhooks may not call");
                }
            }
            return resolved;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
