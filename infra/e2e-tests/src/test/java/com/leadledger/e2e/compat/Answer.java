package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service answered to a {@link Request}, in {@link CanonicalJson canonical} form. */
record Answer(String service, String path, String caller, JsonNode body) {

    Request request() {
        return new Request(service, path, caller);
    }
}
