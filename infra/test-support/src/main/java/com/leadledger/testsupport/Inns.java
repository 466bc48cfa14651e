package com.leadledger.testsupport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Valid 10-digit INNs (legal entities) for tests that need distinct customers. */
public final class Inns {

    private static final int[] WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inns() {
    }

    /** {@code count} different INNs: random ones collide too often for large files (about 5 % at 10,000). */
    public static List<String> distinct(int count) {
        Set<String> inns = new LinkedHashSet<>();
        while (inns.size() < count) {
            inns.add(random());
        }
        return List.copyOf(inns);
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
