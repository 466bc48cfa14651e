package com.leadledger.command.common;

/** Source of new ids, injected so that tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {

    String newId();
}
