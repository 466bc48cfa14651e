package com.leadledger.kit.testapp;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Requests a test holds inside their handler, after their work is committed and before they answer. */
@Component
public class Holds {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private final ConcurrentHashMap<String, Boolean> held = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CountDownLatch> released = new ConcurrentHashMap<>();

    /** Holds the first request named {@code name} until the test releases it; later ones go on at once. */
    void holdHere(String name) throws InterruptedException {
        if (held.putIfAbsent(name, Boolean.TRUE) != null) {
            return;
        }
        latch(entered, name).countDown();
        if (!latch(released, name).await(GENEROUS.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released " + name);
        }
    }

    /** Waits until the request named {@code name} is held in its handler. */
    public void awaitHeld(String name) throws InterruptedException {
        if (!latch(entered, name).await(GENEROUS.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("no request " + name + " reached its handler within " + GENEROUS);
        }
    }

    public void release(String name) {
        latch(released, name).countDown();
    }

    private static CountDownLatch latch(ConcurrentHashMap<String, CountDownLatch> latches, String name) {
        return latches.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
}
