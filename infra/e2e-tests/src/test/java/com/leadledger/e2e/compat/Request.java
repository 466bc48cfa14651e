package com.leadledger.e2e.compat;

/**
 * A GET whose answer the expected read models hold.
 *
 * @param service {@code command} or {@code query}
 * @param caller  as {@link Callers} names it
 */
record Request(String service, String path, String caller) {

    static Request query(String path, String caller) {
        return new Request("query", path, caller);
    }

    static Request command(String path, String caller) {
        return new Request("command", path, caller);
    }

    @Override
    public String toString() {
        return service + " GET " + path + " as " + caller;
    }
}
