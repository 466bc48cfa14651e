package com.leadledger.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docs/deploy.md, as far as the manifests depend on it: the Secrets it has the reader create. */
final class DeployDoc {

    static final String PATH = "docs/deploy.md";
    private static final Pattern CREATE_SECRET = Pattern.compile("create secret generic\\s+([a-z0-9][a-z0-9.-]*)");

    private DeployDoc() {
    }

    static Set<String> secretsCreated() {
        Set<String> names = new TreeSet<>();
        Matcher m = CREATE_SECRET.matcher(RepositoryFiles.text(PATH));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
