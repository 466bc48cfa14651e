package com.leadledger.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Valid 10-digit INNs (legal entities) for tests that need distinct customers. */
public final class Inns {

    private static final int[] WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inns() {
    }

    public static String random() {
        StringBuilder digits = new StringBuilder();
        digits.append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 1; i < 9; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return digits.append(sum % 11 % 10).toString();
    }
}
