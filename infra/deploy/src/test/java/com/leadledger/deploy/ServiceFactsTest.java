package com.leadledger.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the deployment checks rely on, read from the services' code, is what the deployment docs describe. */
class ServiceFactsTest {

    private final LeadLedgerServices services = LeadLedgerServices.read();

    @Test
    void eachImageIsNamedAfterItsServiceAndTaggedWithTheProjectVersion() {
        String version = ServiceFacts.projectVersion(RepositoryFiles.path("pom.xml"));
        for (ServiceFacts service : services.all()) {
            assertThat(service.image()).as(service.name()).isEqualTo("leadledger/" + service.name() + ":" + version);
        }
    }

    @Test
    void eachImageChecksItsOwnHealthOnTheReadinessGroup() {
        for (ServiceFacts service : services.all()) {
            assertThat(service.imageHealthCheck()).as(service.name())
                    .isEqualTo(new ServiceFacts.ImageHealthCheck(service.managementPort(), service.readinessPath()));
        }
    }

    @Test
    void eachServiceExposesLivenessAndReadinessAndReadsWhatItRequires() {
        for (ServiceFacts service : services.all()) {
            assertThat(service.healthGroups()).as(service.name()).containsKeys("liveness", "readiness");
            assertThat(service.variables()).as(service.name())
                    .containsAll(service.required()).contains("SERVER_PORT", "LEADLEDGER_JWT_JWKS_URI");
        }
        assertThat(services.command().required()).contains(ServiceFacts.AXON_UPDATE_CHECKER);
        assertThat(services.query().variables()).doesNotContain(ServiceFacts.AXON_UPDATE_CHECKER);
    }
}
