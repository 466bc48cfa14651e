package com.leadledger.command.webhook;

import com.leadledger.kit.domain.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAddressPolicyTest {

    private final WebhookAddressPolicy production = new WebhookAddressPolicy(false);
    private final WebhookAddressPolicy local = new WebhookAddressPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "169.254.169.254", "169.254.0.1", "224.0.0.1", "239.255.255.250",
            "0.0.0.0", "255.255.255.255", "240.0.0.1", "192.0.0.170", "198.18.0.1", "::", "::1", "fe80::1",
            "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "fec0::1"})
    void refusesAddressesThatAreNotPublic(String address) throws UnknownHostException {
        assertThat(production.mayCall(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void acceptsPublicAddresses(String address) throws UnknownHostException {
        assertThat(production.mayCall(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void acceptsLoopbackOnlyWhereAllowedAndOtherPrivateAddressesNowhere() throws UnknownHostException {
        assertThat(local.mayCall(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(local.mayCall(InetAddress.getByName("::1"))).isTrue();
        assertThat(local.mayCall(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(local.mayCall(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void acceptsAnHttpsUrlOnAPublicAddress() {
        assertThat(production.check("https://93.184.215.14:8443/hooks?x=1", "url").toString())
                .isEqualTo("https://93.184.215.14:8443/hooks?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hooks", "ftp://93.184.215.14/", "https:///nohost", "not a url",
            "https://user:pw@93.184.215.14/hooks", "/relative"})
    void refusesWhatIsNoHttpsUrl(String url) {
        assertThatThrownBy(() -> production.check(url, "url")).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.errors().get(0).rule()).isEqualTo("WEBHOOK_URL_INVALID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.1.2.3/hooks",
            "https://169.254.169.254/latest/meta-data/", "https://[::1]/hooks", "https://[fd00::1]/hooks",
            "https://100.64.1.1/hooks", "https://[::ffff:192.168.0.1]/hooks"})
    void refusesHttpsUrlsResolvingToAddressesThatAreNotPublic(String url) {
        assertThatThrownBy(() -> production.check(url, "url")).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.errors().get(0).rule()).isEqualTo("WEBHOOK_ADDRESS_NOT_PUBLIC"));
    }

    @Test
    void inTheLocalProfileAcceptsHttpOnLoopbackButNotOnOtherAddresses() {
        assertThat(local.check("http://127.0.0.1:9999/hooks", "url").getPort()).isEqualTo(9999);
        assertThat(local.check("http://localhost:9999/hooks", "url").getHost()).isEqualTo("localhost");
        assertThatThrownBy(() -> local.check("http://93.184.215.14/hooks", "url"))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/hooks", "url")).isInstanceOf(RuleViolation.class);
    }
}
