package com.leadledger.kit.openapi;

import java.util.List;
import java.util.Map;

/**
 * What one service says about its own API in its OpenAPI document: title, description, its tags (one per context,
 * with a description each) and the path prefixes that answer without a token. Each service declares one bean; the
 * service kit builds the rest of the document (version, contact, licence, security, problem responses) the same way
 * for both.
 */
public record ApiDescription(String title, String description, Map<String, String> tags, List<String> publicPaths) {

    public ApiDescription {
        tags = Map.copyOf(tags);
        publicPaths = List.copyOf(publicPaths);
    }

    /** Whether an operation on this path template answers anonymous callers. */
    boolean isPublic(String path) {
        return publicPaths.stream().anyMatch(path::startsWith);
    }
}
