package com.leadledger.events.customer;

/**
 * The end customer named by a registration. {@code taxId} and {@code domain} are stored normalized
 * ({@link TaxIds}, {@link Domains}); at least one of them is present.
 */
public record CustomerIdentity(String legalName, String country, String taxId, String domain, String region) {

    public CustomerKey key() {
        return CustomerKey.of(this);
    }
}
