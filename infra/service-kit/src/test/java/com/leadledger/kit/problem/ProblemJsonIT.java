package com.leadledger.kit.problem;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.testapp.KitApplicationTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is problem+json with {@code type}, {@code title}, {@code status}, {@code detail}, {@code code} and
 * {@code errors} (docs/api.md, "Errors"; Spring adds the request path as {@code instance}), mapped in one place: each {@link RuleViolation.Kind} has its status, a field
 * problem names the field and the rule, a body that is not JSON, has a wrong type or an unknown enum value, or is
 * missing is 400 {@code MALFORMED_REQUEST}, and nothing of the server's insides (exception, class, stack) reaches the
 * client.
 */
class ProblemJsonIT extends KitApplicationTestBase {

    /** The status of each kind of refusal; a new kind without one here fails the test. */
    private static final Map<RuleViolation.Kind, Integer> STATUS = Map.of(RuleViolation.Kind.INVALID, 400,
            RuleViolation.Kind.NOT_FOUND, 404, RuleViolation.Kind.FORBIDDEN, 403, RuleViolation.Kind.CONFLICT, 409,
            RuleViolation.Kind.TOO_MANY_REQUESTS, 429);
    private static final Map<Integer, String> TITLE = Map.of(400, "Bad Request", 404, "Not Found", 403, "Forbidden",
            409, "Conflict", 429, "Too Many Requests");
    private static final String VALID_ORDER = """
            {"customer":{"legalName":"OOO Romashka","taxId":"7707083893"},"quantity":3,"tier":"GOLD"}""";

    private final String token = token(unique("manager"), List.of("CHANNEL_MANAGER"), null);

    @ParameterizedTest
    @EnumSource(RuleViolation.Kind.class)
    void eachKindOfRefusalHasItsStatus(RuleViolation.Kind kind) {
        int status = STATUS.get(kind);
        String code = "PROBE_" + kind.name();

        Answer refused = post("/probe/refusals/" + kind.name()).token(token).json("{}").send();

        assertProblem(refused, status, """
                {"type":"urn:leadledger:problem:%s","title":"%s","status":%d,"detail":"Refused as %s.","code":"%s",
                 "errors":[],"registrationId":"R-42","instance":"/probe/refusals/%s"}""".formatted(
                code.toLowerCase().replace('_', '-'), TITLE.get(status), status, kind.name().toLowerCase(), code,
                kind.name()));
    }

    @Test
    void aRefusalForNowSaysWhenToRetryInWholeSecondsRoundedUp() {
        Answer refused = post("/probe/refusal-for-now").token(token).json("{}").send();

        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertProblem(refused, 429, """
                {"type":"urn:leadledger:problem:probe-limit","title":"Too Many Requests","status":429,
                 "detail":"Not now.","code":"PROBE_LIMIT","errors":[],"instance":"/probe/refusal-for-now"}""");
    }

    @Test
    void aFieldProblemNamesTheFieldAndTheRule() {
        assertProblem(post("/probe/field-refusal").token(token).json("{}").send(), 400, """
                {"type":"urn:leadledger:problem:validation-failed","title":"Bad Request","status":400,
                 "detail":"Field 'customer.taxId' fails its checksum.","code":"VALIDATION_FAILED",
                 "errors":[{"field":"customer.taxId","message":"fails its checksum","rule":"TAX_ID_CHECKSUM"}],
                 "instance":"/probe/field-refusal"}""");
    }

    @Test
    void invalidFieldsOfABodyAreNamedWithTheirPaths() {
        Answer refused = post("/probe/orders").token(token).json("""
                {"customer":{"legalName":" ","taxId":"7707083893"},"quantity":0,"tier":"GOLD"}""").send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("detail").asString()).isEqualTo("The request has invalid fields.");
        assertThat(refused.json().get("instance").asString()).isEqualTo("/probe/orders");
        assertThat(elements(refused.json().get("errors"))).containsExactlyInAnyOrder(
                JSON.readTree("{\"field\":\"customer.legalName\",\"message\":\"must not be blank\",\"rule\":\"INVALID\"}"),
                JSON.readTree("{\"field\":\"quantity\",\"message\":\"must be greater than or equal to 1\","
                        + "\"rule\":\"INVALID\"}"));
        assertThat(post("/probe/orders").token(token).json(VALID_ORDER).send().status()).as("the valid order")
                .isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertMalformed(post("/probe/orders").token(token).json("{\"customer\": {\"legalName\": \"OOO").send());
    }

    @Test
    void aMissingBodyIsMalformed() {
        assertMalformed(post("/probe/orders").token(token).json(null).send());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        String order = VALID_ORDER.replace("\"quantity\":3", "\"quantity\":\"three\"");
        assertProblem(post("/probe/orders").token(token).json(order).send(), 400, """
                {"type":"urn:leadledger:problem:malformed-request","title":"Bad Request","status":400,
                 "detail":"Field 'quantity' has the wrong type or format.","code":"MALFORMED_REQUEST",
                 "errors":[{"field":"quantity","message":"has the wrong type or format","rule":"INVALID"}],
                 "instance":"/probe/orders"}""");
    }

    @Test
    void aNumberWhereTheContractSaysStringNamesItsField() {
        assertProblem(post("/probe/orders").token(token).json(VALID_ORDER.replace("\"7707083893\"", "7707083893"))
                .send(), 400, """
                {"type":"urn:leadledger:problem:malformed-request","title":"Bad Request","status":400,
                 "detail":"Field 'customer.taxId' must be a JSON string.","code":"MALFORMED_REQUEST",
                 "errors":[{"field":"customer.taxId","message":"must be a JSON string","rule":"INVALID"}],
                 "instance":"/probe/orders"}""");
    }

    @Test
    void anUnknownEnumValueNamesItsField() {
        assertProblem(post("/probe/orders").token(token).json(VALID_ORDER.replace("GOLD", "PLATINUM")).send(), 400, """
                {"type":"urn:leadledger:problem:malformed-request","title":"Bad Request","status":400,
                 "detail":"Field 'tier' has the wrong type or format.","code":"MALFORMED_REQUEST",
                 "errors":[{"field":"tier","message":"has the wrong type or format","rule":"INVALID"}],
                 "instance":"/probe/orders"}""");
    }

    @Test
    void anUnexpectedFailureTellsNothingOfTheServersInsides() {
        Answer failed = get("/probe/failure").token(token).send();

        assertProblem(failed, 500, """
                {"type":"urn:leadledger:problem:internal-error","title":"Internal Server Error","status":500,
                 "detail":"An unexpected error occurred.","code":"INTERNAL_ERROR","errors":[],
                 "instance":"/probe/failure"}""");
        assertNothingOfTheInsides(failed);
    }

    @Test
    void aDatabaseLostUnderAnotherLibrarysExceptionIsUnavailableNotAnError() {
        Answer failed = get("/probe/database-crash").token(token).send();

        assertProblem(failed, 503, """
                {"type":"urn:leadledger:problem:service-unavailable","title":"Service Unavailable","status":503,
                 "detail":"The service cannot reach its storage right now; nothing was recorded. Retry later.",
                 "code":"SERVICE_UNAVAILABLE","errors":[],"instance":"/probe/database-crash"}""");
        assertThat(failed.header("Retry-After")).isEqualTo("5");
        assertNothingOfTheInsides(failed);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    private static void assertMalformed(Answer answer) {
        assertProblem(answer, 400, """
                {"type":"urn:leadledger:problem:malformed-request","title":"Bad Request","status":400,
                 "detail":"The request body is not valid JSON for this endpoint.","code":"MALFORMED_REQUEST",
                 "errors":[],"instance":"/probe/orders"}""");
        assertNothingOfTheInsides(answer);
    }

    private static void assertNothingOfTheInsides(Answer answer) {
        assertThat(answer.raw()).doesNotContain("Exception", "com.leadledger", "tools.jackson", "springframework",
                "Secret", "at line", "trace");
    }
}
