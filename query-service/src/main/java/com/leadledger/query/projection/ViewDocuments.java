package com.leadledger.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import org.springframework.stereotype.Component;

/**
 * Views stored whole as one JSON document per row, next to the few typed columns their queries filter, sort and join
 * on: a new member of a view needs no column and no mapping code. Written with the envelope codec's configuration
 * (ISO-8601 instants, exact decimals), so a document reads back equal to the view that was written.
 */
@Component
public class ViewDocuments {

    private final ObjectMapper mapper;

    public ViewDocuments(EnvelopeCodec codec) {
        this.mapper = codec.mapper();
    }

    public String write(Object view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + view.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <V> V read(String json, Class<V> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " document this version cannot read", e);
        }
    }
}
