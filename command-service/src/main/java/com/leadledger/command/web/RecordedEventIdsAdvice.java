package com.leadledger.command.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.List;

/**
 * Every successful write answers the ids of the events it recorded, added to whatever the endpoint answers:
 * {@code eventIds} (all of them, in the order they were stored) and {@code eventId} (the first one: the event the
 * command is about — for a submission that opens a new opportunity, that opening comes first). A command that records
 * nothing (an idempotent repeat the rules accept silently) answers {@code eventId: null} and {@code eventIds: []};
 * a refused command answers its problem, without ids. The answer is kept with an {@code Idempotency-Key} as it was
 * sent, so a replay answers the same ids.
 */
@RestControllerAdvice
class RecordedEventIdsAdvice implements ResponseBodyAdvice<Object> {

    /** The endpoint's own answer with the recorded event ids after its fields. */
    record WithRecordedEvents(@JsonUnwrapped Object answer, String eventId, List<String> eventIds) {

        static WithRecordedEvents of(Object answer, List<String> eventIds) {
            return new WithRecordedEvents(answer, eventIds.isEmpty() ? null : eventIds.get(0), eventIds);
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || !(request instanceof ServletServerHttpRequest servletRequest)
                || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || !successful(response)) {
            return body;
        }
        List<String> recorded = HttpCommands.recordedEventIds(servletRequest.getServletRequest());
        return recorded == null ? body : WithRecordedEvents.of(body, recorded);
    }

    private static boolean successful(ServerHttpResponse response) {
        return response instanceof ServletServerHttpResponse servletResponse
                && servletResponse.getServletResponse().getStatus() / 100 == 2;
    }
}
