package com.leadledger.e2e.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.testsupport.HttpApi;
import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONCompare;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;

import java.util.Optional;

/** Reads the answers the expected read models hold, and compares them member by member. */
final class ReadModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadModels() {
    }

    /** The service's answer to the request, which must be 200 with a JSON body. */
    static Answer read(ServicePair services, Request request) {
        HttpApi.Answer answer = services.api(request.service()).get(request.path(), Callers.token(request.caller()));
        if (answer.status() != 200) {
            throw new IllegalStateException(request + " answered " + answer.status() + ": " + answer.raw());
        }
        try {
            return new Answer(request.service(), request.path(), request.caller(),
                    CanonicalJson.of(JSON.readTree(answer.raw())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(request + " answered no JSON: " + answer.raw(), e);
        }
    }

    /**
     * Every difference between the expected and the actual body (members missing or with another value, each named
     * by its path; arrays compared in order); empty when they are equal. A member only the actual body has is no
     * difference: the contract may be extended, never changed (withdrawals are decisions, see {@link ContractChanges}).
     */
    static Optional<String> differences(JsonNode expected, JsonNode actual) {
        try {
            JSONCompareResult result = JSONCompare.compareJSON(expected.toString(), actual.toString(),
                    JSONCompareMode.STRICT_ORDER);
            return result.failed() ? Optional.of(result.getMessage()) : Optional.empty();
        } catch (JSONException e) {
            throw new IllegalStateException("not comparable as JSON: " + e.getMessage(), e);
        }
    }
}
