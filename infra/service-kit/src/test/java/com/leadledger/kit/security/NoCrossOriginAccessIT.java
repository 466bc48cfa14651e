package com.leadledger.kit.security;

import com.leadledger.kit.testapp.KitApplicationTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No endpoint allows cross-origin calls: a browser on another origin gets no {@code Access-Control-Allow-*} header,
 * neither on a call nor on its preflight. Same-origin and non-browser callers are unaffected.
 */
class NoCrossOriginAccessIT extends KitApplicationTestBase {

    private static final String ELSEWHERE = "https://elsewhere.example";

    @Test
    void aCrossOriginCallIsAnsweredWithoutAllowingTheOrigin() {
        Answer me = get("/probe/me").token(token("alice", List.of("PARTNER"), "P-7")).header("Origin", ELSEWHERE).from(uniqueAddress()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightIsAnsweredWithoutAllowingAnything() {
        Answer preflight = call("OPTIONS", "/probe/me").header("Origin", ELSEWHERE)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").from(uniqueAddress()).send();

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
}
